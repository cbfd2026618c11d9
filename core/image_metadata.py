"""Uploaded images lose their metadata before they are stored.

A photo from a phone carries EXIF (GPS position, time, camera serial number), XMP and
comments that can identify a survivor or where they live. Every new image file — admin
upload, import, demo — is re-encoded without them before it reaches the storage, so the
original and every rendition made from it are clean. The EXIF orientation is applied
first, so a portrait photo stays upright without the tag.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import ExifTags, ImageOps
from PIL import Image as PILImage

# Formats re-encoded; GIF carries no EXIF, other formats are not accepted (WAGTAILIMAGES_EXTENSIONS).
CLEANED_FORMATS = {"JPEG", "PNG", "WEBP"}
# Pillow writes some of these back on save when they stay in ``info``.
METADATA_INFO_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop")
# JPEG segments that hold EXIF/XMP (APP1), IPTC (APP13) and comments (COM).
METADATA_JPEG_MARKERS = {"APP1", "APP13", "COM"}
JPEG_QUALITY_AFTER_ROTATION = 92


def _carries_metadata(picture):
    if picture.getexif() or any(key in picture.info for key in METADATA_INFO_KEYS):
        return True
    if picture.format == "PNG" and picture.text:
        return True
    return picture.format == "JPEG" and any(marker in METADATA_JPEG_MARKERS for marker, _ in picture.applist)


def without_metadata(file):
    """``(bytes, width, height)`` of the image in ``file`` re-encoded without metadata; None if it has none."""
    file.seek(0)
    with PILImage.open(file) as picture:
        if picture.format not in CLEANED_FORMATS or not _carries_metadata(picture):
            return None
        image_format = picture.format
        options = {}
        if picture.info.get("icc_profile"):
            options["icc_profile"] = picture.info["icc_profile"]  # colours, not about the person
        animated = getattr(picture, "is_animated", False)
        orientation = picture.getexif().get(ExifTags.Base.Orientation, 1)
        if orientation != 1 and not animated:
            cleaned = ImageOps.exif_transpose(picture)
            if image_format == "JPEG":
                options["quality"] = JPEG_QUALITY_AFTER_ROTATION
        else:
            cleaned = picture
            if image_format == "JPEG":
                options["quality"] = "keep"  # the original's quantisation: no visible loss
        if image_format == "WEBP":
            options.update(lossless=bool(picture.info.get("lossless")), quality=90, save_all=animated)
        for key in METADATA_INFO_KEYS:
            cleaned.info.pop(key, None)
        output = BytesIO()
        cleaned.save(output, image_format, **options)
        return output.getvalue(), cleaned.width, cleaned.height


def strip_uploaded_image_metadata(sender, instance, raw=False, **kwargs):
    """``pre_save`` of the image model: a file not yet in the storage is stored without metadata.

    ``file_hash`` stays the hash of the file as uploaded, so uploading or importing the same
    photo again is still recognised as a duplicate.
    """
    if raw or not instance.file or getattr(instance.file, "_committed", True):
        return
    result = without_metadata(instance.file)
    if result is None:
        instance.file.seek(0)
        return
    data, width, height = result
    instance.file = ContentFile(data, name=PurePosixPath(instance.file.name).name)
    instance.width, instance.height = width, height
    instance.file_size = len(data)
