"""Uploaded images are stored without EXIF/GPS, XMP or comments, upright, in every format we accept."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

JERUSALEM_GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (31.0, 46.0, 37.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (35.0, 14.0, 5.0),
}
ROTATE_90_CLOCKWISE = 6


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def photo(image_format, *, orientation=None, size=(300, 200)):
    """A phone-like photo: GPS position, camera serial number, a comment, XMP; wider than high as stored."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.BodySerialNumber] = "SN-12345"
    exif[ExifTags.Base.GPSInfo] = JERUSALEM_GPS
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    picture = PILImage.new("RGB", size, "#b03a2e")
    picture.paste((29, 84, 70), (0, 0, size[0] // 2, size[1]))  # left half green: shows which way is up
    options = {"exif": exif}
    if image_format == "JPEG":
        options.update(comment=b"Home of the family in Silwan", xmp=b"<x:xmpmeta>Silwan</x:xmpmeta>")
    if image_format == "PNG":
        from PIL.PngImagePlugin import PngInfo

        text = PngInfo()
        text.add_text("Location", "Silwan, 31.77N 35.23E")
        options["pnginfo"] = text
    buffer = BytesIO()
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


def assert_clean(data):
    picture = PILImage.open(BytesIO(data))
    assert dict(picture.getexif()) == {}, "EXIF left in the file"
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment"):
        assert key not in picture.info, key
    if picture.format == "PNG":
        assert picture.text == {}
    for needle in (b"Silwan", b"SN-12345", b"PhoneMaker"):
        assert needle not in data, needle
    return picture


def stored_bytes(image):
    with image.open_file() as handle:
        return handle.read()


def test_a_jpeg_uploaded_in_the_admin_is_stored_upright_without_gps(client):
    original = photo("JPEG", orientation=ROTATE_90_CLOCKWISE)
    assert PILImage.open(BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo), "the test photo has GPS"
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))

    response = client.post(
        "/admin/images/add/",
        {"title": "بيت في سلوان", "file": SimpleUploadedFile("silwan.jpg", original, "image/jpeg")},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="بيت في سلوان")
    picture = assert_clean(stored_bytes(image))
    # Turned by the orientation tag: the 300×200 sensor image is a 200×300 portrait, green half on top.
    assert picture.size == (200, 300) == (image.width, image.height)
    assert picture.convert("RGB").getpixel((100, 20))[1] > 60
    assert picture.convert("RGB").getpixel((100, 280))[0] > 150
    assert image.file_size == len(stored_bytes(image))
    rendition = image.get_rendition("fill-100x100")
    with rendition.file.open("rb") as handle:
        assert_clean(handle.read())


@pytest.mark.parametrize(("image_format", "name"), [("PNG", "map.png"), ("WEBP", "map.webp"), ("JPEG", "map.jpg")])
def test_images_saved_by_code_are_cleaned_too(image_format, name):
    """Import and the demo loader create images directly; they go through the same cleaning."""
    from django.core.files.images import ImageFile

    image = get_image_model()(title=name, file=ImageFile(BytesIO(photo(image_format)), name=name))
    image._set_image_file_metadata()
    image.save()

    picture = assert_clean(stored_bytes(image))
    assert picture.format == image_format
    assert picture.size == (300, 200) == (image.width, image.height)


def test_an_image_without_metadata_is_stored_byte_for_byte():
    from django.core.files.images import ImageFile

    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "#1d5446").save(buffer, "JPEG", quality=80)
    image = get_image_model().objects.create(title="plain", file=ImageFile(BytesIO(buffer.getvalue()), name="p.jpg"))

    assert stored_bytes(image) == buffer.getvalue()
