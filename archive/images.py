"""Images in and out of an archive: files next to the archive file, named by key in the records.

On import an image whose content is already in the library (Wagtail's ``file_hash``, a SHA-1 of the
file) is reused, so importing twice adds no copies. On export every image a exported page shows is
copied to ``images/`` and given a key.
"""

import shutil
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike


def import_images(images):
    """``({key: image}, added, reused)`` for the validated image entries (``key``, ``path``, ``title``)."""
    image_model = get_image_model()
    by_key, added, reused = {}, 0, 0
    for entry in images:
        path = Path(entry["path"])
        with path.open("rb") as handle:
            file_hash = hash_filelike(handle)
        image = image_model.objects.filter(file_hash=file_hash).first()
        if image is None:
            with path.open("rb") as handle:
                image = image_model(title=entry["title"], file=ImageFile(handle, name=path.name))
                image._set_image_file_metadata()
                image.save()
            added += 1
        else:
            reused += 1
        by_key[entry["key"]] = image
    return by_key, added, reused


class ImageExport:
    """Gives each image the exported pages show a key, and copies its file into ``images/``."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self._keys = {}  # image pk → key
        self.entries = []

    def key(self, image_id):
        """The key of image ``image_id``; None when it no longer exists."""
        if image_id is None:
            return None
        image_id = getattr(image_id, "pk", image_id)
        if image_id not in self._keys:
            image = get_image_model().objects.filter(pk=image_id).first()
            self._keys[image_id] = self._add(image) if image is not None else None
        return self._keys[image_id]

    def _add(self, image):
        base = slugify(Path(image.file.name).stem) or slugify(image.title, allow_unicode=True) or "image"
        key, number = base, 1
        taken = {entry["key"] for entry in self.entries}
        while key in taken:
            number += 1
            key = f"{base}-{number}"
        name = f"images/{key}{Path(image.file.name).suffix.lower()}"
        target = self.folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with image.open_file() as source, target.open("wb") as copy:
            shutil.copyfileobj(source, copy)
        self.entries.append({"key": key, "file": name, "title": image.title})
        return key
