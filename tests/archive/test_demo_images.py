"""The demo's illustrations: drawn by archive/demo/make_images.py, small, and described honestly."""

import json
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from archive.demo.make_images import HEIGHT, WIDTH, draw_image

DEMO = Path(__file__).resolve().parents[2] / "archive" / "demo"
ARCHIVE = json.loads((DEMO / "archive.json").read_text(encoding="utf-8"))


def alternative_texts(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("alt", "image_alt") and isinstance(value, str):
                yield value
            else:
                yield from alternative_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from alternative_texts(value)


def test_every_demo_image_is_a_small_jpeg_of_the_stated_size():
    for record in ARCHIVE["images"]:
        path = DEMO / record["file"]
        with Image.open(path) as image:
            assert (image.format, image.size) == ("JPEG", (WIDTH, HEIGHT)), path.name
        assert path.stat().st_size < 150 * 1024, f"{path.name} is {path.stat().st_size // 1024} KB"


def test_the_committed_images_are_what_the_script_draws():
    """Drawing is deterministic, and the files are its output.

    JPEG blurs the edges a little (a mean difference of about 4); another picture differs by 100 or more.
    """
    for index in (0, 1, 2):
        record = ARCHIVE["images"][index]
        drawn = draw_image(record["key"], index)
        assert ImageChops.difference(drawn, draw_image(record["key"], index)).getbbox() is None
        with Image.open(DEMO / record["file"]) as committed:
            difference = ImageStat.Stat(ImageChops.difference(drawn, committed.convert("RGB"))).mean
        assert max(difference) < 10, f"{record['file']} differs from the script's drawing by {difference}"


def test_alternative_texts_say_what_the_pictures_are():
    texts = set(alternative_texts(ARCHIVE))
    assert texts == {
        "رسم بنقوش هندسية مستوحاة من التطريز الفلسطيني والزخرفة العربية، بألوان الموقع",
        "Geometric pattern illustration in the site's colours, inspired by Palestinian embroidery and Arabic ornament",
        "Illustration à motifs géométriques aux couleurs du site, "
        "inspirée de la broderie palestinienne et de l'ornement arabe",
    }
