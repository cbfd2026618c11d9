"""Draw the demo's illustrations: geometric patterns in the site's colours, one per image of archive.json.

Run ``python -m archive.demo.make_images`` to redraw ``archive/demo/images/``. The drawing is
deterministic (each picture's pattern and colours follow from its key, no randomness), so running
it again gives the same files. Three families, all made of straight lines and squares:

- tatreez: rows of cross-stitch diamonds (the logo's motif) between stitched borders;
- khatam: a lattice of eight-pointed stars (two squares turned 45° over each other);
- medallion: concentric eight-pointed stars over a diamond lattice.

No photograph, no person, no place: the alternative texts in archive.json say what the picture is.
"""

import hashlib
import json
import math
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1600, 900
SUPERSAMPLE = 2  # drawn twice as large, then reduced: smooth diagonals
JPEG_QUALITY = 72

# The site's palette (cms/static/css/site.css): greens, stone, rust and the gold of the menu's underline.
GREEN = "#1d5446"
DARK = "#143b31"
SAGE = "#e3efe9"
STONE = "#f1eee6"
SAND = "#dcd7cc"
RUST = "#9a3f0b"
TERRACOTTA = "#e0845a"
GOLD = "#f3d9a4"

#: (background, main, second, third) colour schemes, each a light or a dark ground.
SCHEMES = (
    (DARK, GOLD, TERRACOTTA, GREEN),
    (STONE, GREEN, RUST, SAND),
    (GREEN, GOLD, SAGE, DARK),
    (SAGE, DARK, TERRACOTTA, GREEN),
    (STONE, RUST, GREEN, GOLD),
    (DARK, SAGE, GOLD, GREEN),
)

DIAMOND = (
    "....X....",
    "...XOX...",
    "..XO.OX..",
    ".XO.X.OX.",
    "XO.XOX.OX",
    ".XO.X.OX.",
    "..XO.OX..",
    "...XOX...",
    "....X....",
)
SMALL_CROSS = (
    ".X.",
    "XOX",
    ".X.",
)


def _number(key, salt):
    """A stable number from an image's key (Python's hash() changes between runs)."""
    return int(hashlib.sha256(f"{salt}:{key}".encode()).hexdigest()[:8], 16)


def _stitch(draw, pattern, x, y, cell, colours):
    for row, line in enumerate(pattern):
        for column, mark in enumerate(line):
            if mark in colours:
                left, top = x + column * cell, y + row * cell
                draw.rectangle((left, top, left + cell - 1, top + cell - 1), fill=colours[mark])


def tatreez(draw, size, scheme, variant):
    background, main, second, third = scheme
    width, height = size
    cell = (16 + variant % 3 * 2) * SUPERSAMPLE
    motif = len(DIAMOND) * cell
    gap = 3 * cell
    band = 4 * cell
    # Stitched borders: a zigzag at the top and the bottom.
    for top in (band // 2, height - band // 2 - 2 * cell):
        for column in range(0, width // cell + 1):
            row = column % 4 if column % 8 < 4 else 3 - column % 4
            draw.rectangle(
                (column * cell, top + row * cell // 2, column * cell + cell - 1, top + row * cell // 2 + cell - 1),
                fill=second,
            )
    inner_top = band + 2 * cell
    inner_height = height - 2 * inner_top
    rows = max(1, (inner_height + gap) // (motif + gap))
    start_y = inner_top + (inner_height - rows * motif - (rows - 1) * gap) // 2
    step = motif + gap
    for row in range(rows):
        offset = step // 2 if row % 2 else 0
        for x in range(-step + offset, width + step, step):
            _stitch(draw, DIAMOND, x, start_y + row * step, cell, {"X": main, "O": second})
            # A small cross between two diamonds.
            _stitch(
                draw,
                SMALL_CROSS,
                x + motif + (gap - 3 * cell) // 2,
                start_y + row * step + 3 * cell,
                cell,
                {"X": third, "O": main},
            )


def _star(draw, cx, cy, radius, fill):
    """An eight-pointed star: two squares, one turned 45°."""
    for turn in (0, math.pi / 4):
        points = [
            (
                cx + radius * math.cos(turn + math.pi / 4 + k * math.pi / 2),
                cy + radius * math.sin(turn + math.pi / 4 + k * math.pi / 2),
            )
            for k in range(4)
        ]
        draw.polygon(points, fill=fill)


def _octagon(draw, cx, cy, radius, fill):
    points = [
        (cx + radius * math.cos(math.pi / 8 + k * math.pi / 4), cy + radius * math.sin(math.pi / 8 + k * math.pi / 4))
        for k in range(8)
    ]
    draw.polygon(points, fill=fill)


def khatam(draw, size, scheme, variant):
    background, main, second, third = scheme
    width, height = size
    step = (230 + variant % 3 * 30) * SUPERSAMPLE
    radius = step * 0.42
    for row in range(-1, height // step + 2):
        for column in range(-1, width // step + 2):
            cx, cy = column * step + step / 2, row * step + step / 2
            _star(draw, cx, cy, radius, main)
            _octagon(draw, cx, cy, radius * 0.55, third if (row + column) % 2 else second)
            _star(draw, cx, cy, radius * 0.32, main)
            # Diamonds where four stars meet.
            corner_x, corner_y, d = cx + step / 2, cy + step / 2, step * 0.16
            draw.polygon(
                [
                    (corner_x, corner_y - d),
                    (corner_x + d, corner_y),
                    (corner_x, corner_y + d),
                    (corner_x - d, corner_y),
                ],
                fill=second,
            )


def medallion(draw, size, scheme, variant):
    background, main, second, third = scheme
    width, height = size
    step = (90 + variant % 3 * 10) * SUPERSAMPLE
    d = step * 0.22
    for row in range(-1, height // step + 2):
        for column in range(-1, width // step + 2):
            # The lattice's offset follows the key too, so two medallions of one scheme never coincide.
            x = column * step + (step / 2 if row % 2 else 0) + (variant % 7) * step / 7
            y = row * step + (variant // 7 % 5) * step / 5
            draw.polygon([(x, y - d), (x + d, y), (x, y + d), (x - d, y)], fill=third)
    centres = (
        [(width * 0.5, height * 0.5)] if variant % 2 else [(width * 0.28, height * 0.5), (width * 0.72, height * 0.5)]
    )
    largest = height * (0.44 if variant % 2 else 0.34)
    for cx, cy in centres:
        colours = (main, background, second, background, main, second)
        for ring, colour in enumerate(colours):
            _star(draw, cx, cy, largest * (1 - ring * 0.15), colour)
        _octagon(draw, cx, cy, largest * 0.12, main)


FAMILIES = (tatreez, khatam, medallion)


def draw_image(key, index):
    """The illustration for the ``index``-th image, ``key``, 1600×900: families and colours take turns."""
    family = FAMILIES[index % len(FAMILIES)]
    scheme = SCHEMES[(index + index // len(SCHEMES)) % len(SCHEMES)]
    variant = _number(key, "variant")
    size = (WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE)
    image = Image.new("RGB", size, scheme[0])
    family(ImageDraw.Draw(image), size, scheme, variant)
    return image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def main():
    archive = json.loads((HERE / "archive.json").read_text(encoding="utf-8"))
    for index, record in enumerate(archive["images"]):
        path = HERE / record["file"]
        draw_image(record["key"], index).save(
            path, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True
        )
        print(f"{path.relative_to(HERE)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
