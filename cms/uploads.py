"""Uploaded images and documents are checked before anything is stored.

Wagtail's image field already refuses a file whose extension is not allowed or does not match
the format its header names, one larger than ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and one whose
header declares more than ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``. It reads the header only, so a
truncated or corrupt file, or a header Pillow cannot parse, failed with an exception (a 500).
:class:`ImageForm`'s field turns any failure of those checks into a message, then decodes the whole
picture once, after refusing one with too many pixels, so what is stored can be rendered.

Documents: Wagtail checks the extension (``WAGTAILDOCS_EXTENSIONS``) and the size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``); :class:`DocumentForm` checks that the content is what the
extension says, by its first bytes: a PDF starts ``%PDF-``, Office and OpenDocument files are
ZIP archives, RTF starts ``{\\rtf``, text has no NUL byte.

Both forms are Wagtail's own (``WAGTAILIMAGES_IMAGE_FORM_BASE``, ``WAGTAILDOCS_DOCUMENT_FORM_BASE``),
used by the single add, the edit and the multiple upload views alike, so every admin upload
answers the form again with the message, and nothing is saved.
"""

import warnings
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Bytes read to recognise a document's content.
SNIFF_BYTES = 64 * 1024
ZIP_EXTENSIONS = {"docx", "key", "odt", "pptx", "xlsx", "zip"}
TEXT_EXTENSIONS = {"csv", "txt"}
SIGNATURES = {"pdf": (b"%PDF-",), "rtf": (b"{\\rtf",)}
KIND_NAMES = {
    "pdf": _("a PDF document"),
    "rtf": _("an RTF document"),
    "csv": _("a text file"),
    "txt": _("a text file"),
}


def _rewind(file):
    if hasattr(file, "seek"):
        file.seek(0)


def check_image_decodes(file):
    """Decode the whole image in ``file``; a ValidationError names what is wrong with it."""
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    _rewind(file)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; past ours it is refused below anyway.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(file) as picture:
                pixels = picture.width * picture.height * getattr(picture, "n_frames", 1)
                if max_pixels is not None and pixels > max_pixels:
                    raise ValidationError(
                        _("This image has %(pixels)s pixels; the most allowed is %(limit)s."),
                        code="too_many_pixels",
                        params={"pixels": f"{pixels:,}", "limit": f"{max_pixels:,}"},
                    )
                picture.load()
    except PILImage.DecompressionBombError as error:
        raise ValidationError(
            _("This image declares far more pixels than allowed (at most %(limit)s)."),
            code="too_many_pixels",
            params={"limit": f"{max_pixels:,}"},
        ) from error
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - Pillow raises many kinds for a broken file
        raise ValidationError(
            _("This image file is damaged or incomplete and cannot be read: %(problem)s."),
            code="corrupt_image",
            params={"problem": str(error) or error.__class__.__name__},
        ) from error
    finally:
        _rewind(file)


def check_document_content(file):
    """Refuse a document whose first bytes do not match its extension."""
    extension = PurePosixPath(file.name).suffix.lower().lstrip(".")
    _rewind(file)
    head = file.read(SNIFF_BYTES)
    try:
        if extension in ZIP_EXTENSIONS:
            _rewind(file)
            matches = zipfile.is_zipfile(file)
        elif extension in TEXT_EXTENSIONS:
            matches = b"\x00" not in head
        elif extension in SIGNATURES:
            matches = head.startswith(SIGNATURES[extension])
        else:
            matches = True  # An extension Wagtail allows and we know no signature for.
    finally:
        _rewind(file)
    if not matches:
        kind = KIND_NAMES.get(extension) or _("a .%(extension)s file") % {"extension": extension}
        raise ValidationError(
            _("“%(name)s” is not %(kind)s: its content does not match its extension."),
            code="content_does_not_match_extension",
            params={"name": PurePosixPath(file.name).name, "kind": kind},
        )


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, whose own checks never fail with anything but a message, then the decoding check."""

    def to_python(self, data):
        try:
            file = super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - Wagtail reads the size through Pillow, unguarded
            raise ValidationError(
                _("This image file is damaged or incomplete and cannot be read: %(problem)s."),
                code="corrupt_image",
                params={"problem": str(error) or error.__class__.__name__},
            ) from error
        if file is not None:
            check_image_decodes(file)
        return file


class ImageForm(BaseImageForm):
    """Wagtail's image form, refusing an image that cannot be decoded or has too many pixels."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:  # Not in the multiple upload's form for the details that follow.
            generated = self.fields["file"]
            self.fields["file"] = CheckedImageField(label=generated.label, required=generated.required)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content does not match its extension."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_document_content(file)
        return file

    def _post_clean(self):
        # A refused file leaves the document without one, and the model's own extension check would then
        # add "File extension “” is not allowed" to the message that says what is really wrong.
        file_errors = self._errors.get("file") if self._errors else None
        file_errors = file_errors.as_data() if file_errors else None
        super()._post_clean()
        if file_errors:
            self._errors["file"] = self.error_class(file_errors)
