"""Bad uploads through the real admin views: a message naming the problem, nothing saved, never a 500.

Each bad file goes through the single add view (the form comes back with the message) and the
multiple upload view (its JSON carries the message), as an editor with the right to add images
and documents.
"""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp import DEVICE_ID_SESSION_KEY
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from tests.accounts import staff_user
from tests.two_factor import totp_device

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def png(width=40, height=30):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#1d5446").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg(width=40, height=30):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#1d5446").save(buffer, "JPEG")
    return buffer.getvalue()


def png_header_claiming(width, height):
    """A tiny PNG whose header declares ``width`` × ``height`` pixels and whose data decompresses to them."""
    row = b"\x00" + b"\x00" * width  # filter byte + one grey byte per pixel
    data = zlib.compress(row * height, 9)

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def zipped(name="word/document.xml", content=b"<w/>"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


BAD_IMAGES = {
    "text named .gif": ("notes.gif", b"hello, this is not a picture", "Upload a valid image"),
    "GIF header, garbage after": ("broken.gif", b"GIF89a\x10\x00\x10\x00" + b"junk" * 10, "damaged or incomplete"),
    "truncated PNG": ("cut.png", png(200, 200)[:70], "damaged or incomplete"),
    "truncated JPEG": ("cut.jpg", jpeg(200, 200)[:400], "damaged or incomplete"),
    "PNG named .gif": ("photo.gif", png(), "The extension does not match the file format (png)"),
    "PDF named .png": ("scan.png", b"%PDF-1.7\n" + b"0" * 100, "Upload a valid image"),
    "not an allowed type": ("drawing.bmp", b"BM" + b"\x00" * 60, "Not a supported image format"),
    "empty file": ("empty.png", b"", "The submitted file is empty"),
    "decompression bomb": ("bomb.png", png_header_claiming(9000, 9000), "pixels"),
}

BAD_DOCUMENTS = {
    "executable extension": ("setup.exe", b"MZ\x90\x00" + b"\x00" * 60, "File extension “exe” is not allowed"),
    "HTML": ("page.html", b"<script>alert(1)</script>", "File extension “html” is not allowed"),
    "text named .pdf": ("report.pdf", b"just text, not a PDF", "is not a PDF document"),
    "HTML named .pdf": ("report.pdf", b"<html><script>alert(1)</script></html>", "is not a PDF document"),
    "PDF named .docx": ("letter.docx", b"%PDF-1.7\n" + b"0" * 100, "is not a .docx file"),
    "binary named .txt": ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "is not a text file"),
    "text named .rtf": ("letter.rtf", b"plain words", "is not an RTF document"),
    "empty file": ("empty.pdf", b"", "The submitted file is empty"),
}


def sign_in(client, user):
    """``client`` signed in as ``user``, second factor passed (the session holds a verified device)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    session.save()


@pytest.fixture
def editor(client, site_structure):
    user = staff_user("upload-editor", groups=["Editors"])
    sign_in(client, user)
    return user


def upload_single(client, kind, name, data):
    return client.post(f"/admin/{kind}/add/", {"title": "upload", "file": SimpleUploadedFile(name, data)}, **EN)


def upload_multiple(client, kind, name, data):
    return client.post(f"/admin/{kind}/multiple/add/", {"files[]": SimpleUploadedFile(name, data)}, **EN)


def assert_nothing_saved():
    assert not get_image_model().objects.exists()
    assert not get_document_model().objects.exists()
    assert not UploadedFile.objects.exists()


def form_errors(response):
    """The messages the re-rendered add form shows for its file field."""
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    return " ".join(form.errors.get("file", []))


@pytest.mark.parametrize("case", BAD_IMAGES)
def test_a_bad_image_is_refused_with_a_message_in_the_add_form(client, editor, case):
    name, data, message = BAD_IMAGES[case]

    response = upload_single(client, "images", name, data)

    assert message in form_errors(response)
    assert message.encode() in response.content or message in response.content.decode()
    assert_nothing_saved()


@pytest.mark.parametrize("case", BAD_IMAGES)
def test_a_bad_image_is_refused_with_a_message_by_the_multiple_upload(client, editor, case):
    name, data, message = BAD_IMAGES[case]

    response = upload_multiple(client, "images", name, data)

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert_nothing_saved()


@pytest.mark.parametrize("case", BAD_DOCUMENTS)
def test_a_bad_document_is_refused_with_a_message_in_the_add_form(client, editor, case):
    name, data, message = BAD_DOCUMENTS[case]

    response = upload_single(client, "documents", name, data)

    assert message in form_errors(response)
    assert_nothing_saved()


@pytest.mark.parametrize("case", BAD_DOCUMENTS)
def test_a_bad_document_is_refused_with_a_message_by_the_multiple_upload(client, editor, case):
    name, data, message = BAD_DOCUMENTS[case]

    response = upload_multiple(client, "documents", name, data)

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert_nothing_saved()


def test_size_limits_are_named_in_the_message(client, editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000

    image = upload_multiple(client, "images", "large.png", png(400, 400)).json()
    document = upload_single(client, "documents", "large.pdf", b"%PDF-1.7\n" + b"0" * 2000)

    assert image["success"] is False
    assert "too big" in image["error_message"] and "Maximum filesize 1000" in image["error_message"].replace(
        "\xa0", " "
    )
    assert form_errors(document).replace("\xa0", " ") == "This file is too big (2.0 KB). Maximum filesize 1000 bytes."
    assert_nothing_saved()


def test_the_pixel_limit_comes_from_the_settings(client, editor, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000

    answer = upload_multiple(client, "images", "photo.png", png(40, 30)).json()

    assert answer["success"] is False
    assert "1,200" in answer["error_message"] or "1200" in answer["error_message"]
    assert_nothing_saved()


@pytest.mark.parametrize(
    ("kind", "name", "data"),
    [
        ("images", "photo.png", png()),
        ("images", "photo.jpg", jpeg()),
        ("documents", "report.pdf", b"%PDF-1.7\n%%EOF\n"),
        ("documents", "letter.docx", zipped()),
        ("documents", "table.csv", "الاسم,الحي\nأبو خالد,سلوان\n".encode()),
        ("documents", "letter.rtf", b"{\\rtf1 hello}"),
    ],
)
def test_good_files_are_saved(client, editor, kind, name, data):
    answer = upload_multiple(client, kind, name, data).json()

    assert answer["success"] is True, answer.get("error_message")
    model = get_image_model() if kind == "images" else get_document_model()
    assert model.objects.count() == 1
