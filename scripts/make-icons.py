#!/usr/bin/env python3
"""Draws the site's icons into web/icons/: a blue square with a white 兜.

    python3 scripts/make-icons.py

Standard library only: the glyph is stored below as an outline, and this file
has its own rasteriser and (palette) PNG encoder, so the icons are the same on every
machine and need no font, no ImageMagick and no browser. The output is
committed; run this again only when the design changes.

    icon.svg      rounded square, any size  (manifest, purpose "any")
    icon-192.png  full square, 192 x 192    (manifest, "any" and "maskable";
                                             apple-touch-icon: iOS rounds it)
    icon-512.png  full square, 512 x 512    (manifest, "any" and "maskable")

The glyph fits the maskable safe zone (a circle of 40 % of the size around the
centre), so one full square serves both purposes and every platform can round
or cut it as it likes: two PNGs instead of five keeps the site small (the size
budget counts them).

The outline of 兜 (U+515C) is Noto Sans CJK SC Bold's, read once with fontTools
(SIL Open Font License 1.1, which allows using the font's glyphs in artwork
such as this icon). Font units, y up, 1000 per em.
"""

import os
import re
import struct
import sys
import zlib

GLYPH = (
    "M438 483H553V398H438ZM438 650H553V566H438ZM560 279V69C560 -41 587 -78 704 -78"
    "C726 -78 804 -78 827 -78C923 -78 955 -38 968 119C935 127 881 147 857 167"
    "C853 52 848 35 815 35C797 35 736 35 722 35C687 35 682 40 682 71V279Z"
    "M311 279C297 138 271 57 37 13C61 -11 92 -60 103 -91C373 -29 420 90 436 279Z"
    "M683 777V667H786V404H683V294H905V777Z"
    "M108 244C127 261 161 279 336 360C328 387 322 437 320 471L220 429V678"
    "C260 694 300 712 338 732V308H658V740H532L568 841L446 856C441 822 430 778 418 740"
    "H354L356 741L268 829C226 797 161 758 102 732V423C102 381 80 357 61 345"
    "C78 323 101 272 108 244Z"
)
GLYPH_BOUNDS = (37, -91, 968, 856)  # xmin, ymin, xmax, ymax in font units

BACKGROUND = (0x0B, 0x57, 0xA4)  # --primary in web/style.css; the manifest's theme_color
FOREGROUND = (0xFF, 0xFF, 0xFF)
CANVAS = 512.0  # the design's own units (the SVG viewBox)
CORNER = 112.0  # corner radius of the SVG's rounded square, in design units
LEVELS = 32  # blends of background and glyph colour in the PNGs' palette
SCALE = 0.3  # font units -> design units: the glyph is 279 x 284, within the safe zone

# Font units -> design units: scale, flip y, centre the glyph's box on the canvas.
TX = CANVAS / 2 - SCALE * (GLYPH_BOUNDS[0] + GLYPH_BOUNDS[2]) / 2
TY = CANVAS / 2 + SCALE * (GLYPH_BOUNDS[1] + GLYPH_BOUNDS[3]) / 2


def glyph_polygons(pixels_per_unit: float) -> list[list[tuple[float, float]]]:
    """The glyph's contours as closed polygons in pixels (curves flattened)."""
    tokens = re.findall(r"[MLHVCZ]|-?\d+(?:\.\d+)?", GLYPH)
    polygons: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    x = y = 0.0
    i = 0

    def number() -> float:
        nonlocal i
        value = float(tokens[i])
        i += 1
        return value

    def to_pixels(fx: float, fy: float) -> tuple[float, float]:
        return ((TX + SCALE * fx) * pixels_per_unit, (TY - SCALE * fy) * pixels_per_unit)

    while i < len(tokens):
        command = tokens[i]
        i += 1
        if command == "M":
            x, y = number(), number()
            current = [to_pixels(x, y)]
        elif command == "L":
            x, y = number(), number()
            current.append(to_pixels(x, y))
        elif command == "H":
            x = number()
            current.append(to_pixels(x, y))
        elif command == "V":
            y = number()
            current.append(to_pixels(x, y))
        elif command == "C":
            x1, y1, x2, y2, x3, y3 = (number() for _ in range(6))
            for step in range(1, 17):
                t = step / 16
                u = 1 - t
                bx = u * u * u * x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3
                by = u * u * u * y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3
                current.append(to_pixels(bx, by))
            x, y = x3, y3
        elif command == "Z":
            polygons.append(current)
            current = []
        else:
            raise ValueError(f"unexpected path command {command!r}")
    return polygons


def coverage(polygons: list[list[tuple[float, float]]], size: int, samples: int = 16) -> list[list[float]]:
    """Fraction of each pixel inside the polygons (non-zero winding): exact along
    each row of samples, with `samples` rows of samples per pixel row."""
    edges = []
    for polygon in polygons:
        for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1]):
            if y0 != y1:
                edges.append((x0, y0, x1, y1, 1 if y1 > y0 else -1))
    weight = 1.0 / samples
    grid = []
    for row in range(size):
        # Whole pixels go through a difference array, the partly covered pixels at
        # each span's two ends straight into `partial`.
        steps = [0.0] * (size + 1)
        partial = [0.0] * (size + 1)
        for sub in range(samples):
            sy = row + (sub + 0.5) / samples
            crossings = sorted(
                (x0 + (sy - y0) * (x1 - x0) / (y1 - y0), winding)
                for x0, y0, x1, y1, winding in edges
                if (y0 <= sy < y1) or (y1 <= sy < y0)
            )
            winding_number = 0
            start = 0.0
            for x, winding in crossings:
                before = winding_number
                winding_number += winding
                if before == 0 and winding_number != 0:
                    start = x
                elif before != 0 and winding_number == 0:
                    left, right = max(start, 0.0), min(x, float(size))
                    if right <= left:
                        continue
                    first, last = int(left), int(right)
                    if first == last:
                        partial[first] += (right - left) * weight
                        continue
                    partial[first] += (first + 1 - left) * weight
                    steps[first + 1] += weight
                    steps[last] -= weight
                    partial[last] += (right - last) * weight
        values = []
        running = 0.0
        for column in range(size):
            running += steps[column]
            values.append(min(1.0, max(0.0, running + partial[column])))
        grid.append(values)
    return grid


def render(size: int) -> bytes:
    """The full-square icon as a PNG. Every pixel is a blend of the background and
    the glyph's colour, so a palette of LEVELS blends holds the whole image."""
    glyph = coverage(glyph_polygons(size / CANVAS), size)
    top = LEVELS - 1
    palette = [bytes(round(b + (f - b) * level / top) for b, f in zip(BACKGROUND, FOREGROUND)) for level in range(LEVELS)]
    rows = [bytes(round(value * top) for value in row) for row in glyph]
    return encode_png(size, palette, rows)


def encode_png(size: int, palette: list[bytes], rows: list[bytes]) -> bytes:
    """An opaque 8-bit palette PNG, rows unfiltered."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 3, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", b"".join(palette))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def svg() -> str:
    hex_colour = "#%02x%02x%02x"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CANVAS:g} {CANVAS:g}">'
        f'<rect width="{CANVAS:g}" height="{CANVAS:g}" rx="{CORNER:g}" fill="{hex_colour % BACKGROUND}"/>'
        f'<path fill="{hex_colour % FOREGROUND}" transform="matrix({SCALE:g} 0 0 {-SCALE:g} {TX:g} {TY:g})" d="{GLYPH}"/>'
        "</svg>\n"
    )


def main() -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(root, "web", "icons")
    os.makedirs(out, exist_ok=True)
    outputs = {
        "icon.svg": svg().encode(),
        "icon-192.png": render(192),
        "icon-512.png": render(512),
    }
    for name, data in outputs.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"web/icons/{name}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
