"""Simple geometric illustrations drawn with Pillow, so the demo needs no image downloads.

Each motif is a handful of shapes on a coloured ground with a caption band, enough
to show how lead images, figures and renditions look in a frontend. Drawing is
deterministic: the same motif and caption always give the same picture.
"""

import math
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFont

from ..text import GERMAN_TRANSLITERATION

WIDTH, HEIGHT = 1200, 675
CAPTION_HEIGHT = 110
WHITE = (255, 255, 255)
INK = (33, 37, 41)

# Fonts with umlauts and ß; Pillow looks them up in the system's font folders.
FONT_CANDIDATES = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf")

Box = tuple[int, int, int, int]


def _font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A font and whether it covers German letters (Pillow's built-in font does not)."""
    for name in FONT_CANDIDATES:
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    return ImageFont.load_default(size=size), False


def _printable(text: str, full_coverage: bool) -> str:
    if full_coverage:
        return text
    return (
        text.translate(GERMAN_TRANSLITERATION).replace("₂", "2").replace("„", '"').replace("“", '"')
    )


def _fit_text(draw: ImageDraw.ImageDraw, text: str, max_width: int, size: int):
    font, full = _font(size)
    text = _printable(text, full)
    while size > 18 and draw.textlength(text, font=font) > max_width:
        size -= 2
        font, _full = _font(size)
    return text, font


def _lighter(colour: tuple[int, int, int], amount: float = 0.35) -> tuple[int, int, int]:
    return tuple(round(c + (255 - c) * amount) for c in colour)


def _darker(colour: tuple[int, int, int], amount: float = 0.35) -> tuple[int, int, int]:
    return tuple(round(c * (1 - amount)) for c in colour)


def factory(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    left, top, right, bottom = box
    ground = bottom - 40
    draw.rectangle((left, ground, right, bottom), fill=_darker(colour, 0.5))
    for i, (width, height) in enumerate([(180, 160), (240, 220), (160, 120), (220, 190)]):
        x = left + 60 + i * 270
        draw.rectangle((x, ground - height, x + width, ground), fill=_lighter(colour, 0.6))
        for w in range(3):
            wx = x + 20 + w * (width - 40) // 3
            draw.rectangle((wx, ground - height + 30, wx + 30, ground - height + 60), fill=colour)
    for x, height in [(330, 250), (520, 290), (880, 230)]:
        draw.rectangle((x, ground - height, x + 36, ground), fill=WHITE)
        for j, radius in enumerate([26, 36, 48]):
            cx, cy = x + 18 + j * 40, ground - height - 40 - j * 45
            draw.ellipse(
                (cx - radius, cy - radius, cx + radius, cy + radius), fill=_lighter(colour, 0.8)
            )


def electrolysis(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    left, top, right, bottom = box
    draw.rounded_rectangle((300, 150, 900, bottom - 40), radius=30, outline=WHITE, width=10)
    draw.rectangle((312, 300, 888, bottom - 52), fill=_lighter(colour, 0.3))
    for x in (440, 760):
        draw.rectangle((x - 15, 90, x + 15, bottom - 90), fill=INK)
        draw.ellipse((x - 30, 50, x + 30, 110), fill=WHITE)
    for i in range(18):
        x = 470 + (i * 37) % 260 if i % 2 else 360 + (i * 53) % 60
        y = 330 + (i * 71) % 170
        radius = 8 + (i * 5) % 14
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=WHITE, width=4)


def recycling(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    cx, cy, radius = WIDTH // 2, (box[1] + box[3]) // 2, 200
    for start in (0, 120, 240):
        draw.arc(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            start + 10,
            start + 100,
            fill=WHITE,
            width=42,
        )
        angle = math.radians(start + 100)
        tip_x, tip_y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        normal = angle + math.pi / 2
        draw.polygon(
            [
                (tip_x + 50 * math.cos(normal), tip_y + 50 * math.sin(normal)),
                (tip_x - 45 * math.cos(angle), tip_y - 45 * math.sin(angle)),
                (tip_x + 45 * math.cos(angle), tip_y + 45 * math.sin(angle)),
            ],
            fill=WHITE,
        )


def lamps(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    left, top, right, bottom = box
    draw.rectangle((left, bottom - 60, right, bottom), fill=_darker(colour, 0.5))
    for i in range(4):
        x = 180 + i * 280
        draw.polygon(
            [(x + 60, 140), (x - 40, bottom - 60), (x + 200, bottom - 60)],
            fill=_lighter(colour, 0.25),
        )
        draw.rectangle((x - 8, 110, x + 8, bottom - 60), fill=INK)
        draw.line((x, 115, x + 60, 115), fill=INK, width=14)
        draw.ellipse((x + 35, 110, x + 95, 150), fill=(255, 226, 120))


def ship(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    left, top, right, bottom = box
    water = bottom - 130
    draw.rectangle((left, water, right, bottom), fill=_darker(colour, 0.3))
    for row in range(3):
        points = [
            (x, water + 25 + row * 35 + 10 * math.sin(x / 40)) for x in range(0, WIDTH + 20, 20)
        ]
        draw.line(points, fill=_lighter(colour, 0.4), width=5)
    draw.polygon(
        [(220, water - 80), (980, water - 80), (920, water + 10), (280, water + 10)], fill=INK
    )
    for i in range(6):
        x = 300 + i * 100
        for j in range(2):
            tint = (200, 80, 60) if (i + j) % 2 else (240, 180, 60)
            draw.rectangle((x, water - 150 - j * 70, x + 90, water - 85 - j * 70), fill=tint)
    draw.rectangle((860, water - 220, 930, water - 80), fill=WHITE)


def gears(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    for cx, cy, radius, teeth in [(480, 290, 170, 12), (760, 380, 120, 9), (800, 170, 80, 7)]:
        points = []
        for k in range(teeth * 2):
            angle = math.pi * k / teeth
            r = radius if k % 2 else radius * 0.8
            points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
        draw.polygon(points, fill=WHITE)
        hole = radius * 0.3
        draw.ellipse((cx - hole, cy - hole, cx + hole, cy + hole), fill=colour)


def sun(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    left, top, right, bottom = box
    draw.ellipse((880, 60, 1060, 240), fill=(255, 214, 90))
    for k in range(12):
        angle = math.pi * k / 6
        draw.line(
            (
                970 + 110 * math.cos(angle),
                150 + 110 * math.sin(angle),
                970 + 150 * math.cos(angle),
                150 + 150 * math.sin(angle),
            ),
            fill=(255, 214, 90),
            width=8,
        )
    for i in range(5):
        x = 90 + i * 160
        draw.polygon(
            [
                (x, bottom - 50),
                (x + 130, bottom - 50),
                (x + 170, bottom - 200),
                (x + 40, bottom - 200),
            ],
            fill=INK,
        )
        for j in range(1, 3):
            draw.line(
                (
                    x + 13 * j * 1.6,
                    bottom - 50 - 150 * j / 3,
                    x + 130 + 13 * j * 1.2,
                    bottom - 50 - 150 * j / 3,
                ),
                fill=_lighter(colour, 0.5),
                width=3,
            )


def people(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    left, top, right, bottom = box
    draw.rounded_rectangle((200, 60, 1000, 250), radius=20, fill=WHITE)
    for i in range(3):
        draw.rectangle(
            (260, 100 + i * 45, 260 + 520 - i * 120, 120 + i * 45), fill=_lighter(colour, 0.3)
        )
    for i in range(7):
        x = 150 + i * 150
        tint = _lighter(colour, 0.2 + 0.1 * (i % 3))
        draw.ellipse((x - 40, 300, x + 40, 380), fill=tint)
        draw.pieslice((x - 70, 390, x + 70, 530), 180, 360, fill=tint)


def molecules(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    atoms = [(400, 200), (560, 300), (720, 200), (880, 300), (560, 460), (300, 380)]
    bonds = [(0, 1), (1, 2), (2, 3), (1, 4), (0, 5)]
    for a, b in bonds:
        draw.line((*atoms[a], *atoms[b]), fill=WHITE, width=14)
    for i, (x, y) in enumerate(atoms):
        radius = 55 if i % 2 else 42
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=_lighter(colour, 0.5) if i % 2 else WHITE,
        )


def document(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    draw.rectangle((380, 40, 820, 540), fill=WHITE)
    for i in range(9):
        draw.rectangle(
            (430, 100 + i * 36, 770 - (i % 3) * 60, 116 + i * 36), fill=_lighter(colour, 0.5)
        )
    for i in range(3):
        x = 440 + i * 115
        draw.line(
            [(x, 480), (x + 20, 455), (x + 40, 490), (x + 70, 460), (x + 90, 480)],
            fill=INK,
            width=4,
        )


def heat(draw: ImageDraw.ImageDraw, box: Box, colour) -> None:
    left, top, right, bottom = box
    ground = bottom - 40
    draw.rectangle((left, ground, right, bottom), fill=_darker(colour, 0.5))
    draw.rectangle((80, ground - 220, 420, ground), fill=_lighter(colour, 0.6))
    draw.rectangle((300, ground - 380, 340, ground - 220), fill=WHITE)
    draw.rectangle((420, 380, 1100, 410), fill=(220, 70, 50))
    for i in range(3):
        x = 660 + i * 160
        draw.polygon([(x, 380), (x + 70, 300), (x + 140, 380)], fill=WHITE)
        draw.rectangle((x + 10, 380, x + 130, ground), fill=WHITE)
        draw.rectangle((x + 50, 430, x + 90, 480), fill=colour)
    for i in range(4):
        points = [
            (460 + x, 250 - i * 24 + 12 * math.sin((x + i * 30) / 25)) for x in range(0, 620, 12)
        ]
        draw.line(points, fill=(255, 190, 150), width=5)


MOTIFS: dict[str, Callable[[ImageDraw.ImageDraw, Box, tuple], None]] = {
    "factory": factory,
    "electrolysis": electrolysis,
    "recycling": recycling,
    "lamps": lamps,
    "ship": ship,
    "gears": gears,
    "sun": sun,
    "people": people,
    "molecules": molecules,
    "document": document,
    "heat": heat,
}


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def illustration(motif: str, caption: str, colour: str) -> Image.Image:
    """A 16:9 picture of ``motif`` on ``colour`` with ``caption`` in a band at the bottom."""
    rgb = _rgb(colour)
    picture = Image.new("RGB", (WIDTH, HEIGHT), rgb)
    draw = ImageDraw.Draw(picture)
    MOTIFS[motif](draw, (0, 0, WIDTH, HEIGHT - CAPTION_HEIGHT), rgb)
    draw.rectangle((0, HEIGHT - CAPTION_HEIGHT, WIDTH, HEIGHT), fill=INK)
    text, font = _fit_text(draw, caption, WIDTH - 80, 44)
    draw.text((40, HEIGHT - CAPTION_HEIGHT // 2), text, font=font, fill=WHITE, anchor="lm")
    return picture


def logo(initials: str, colour: str, size: int = 400) -> Image.Image:
    """A square company logo: initials in a circle, the invented brand's colour around it."""
    rgb = _rgb(colour)
    picture = Image.new("RGB", (size, size), rgb)
    draw = ImageDraw.Draw(picture)
    margin = size // 10
    draw.ellipse((margin, margin, size - margin, size - margin), fill=WHITE)
    text, font = _fit_text(draw, initials, size - 4 * margin, size // 3)
    draw.text((size // 2, size // 2), text, font=font, fill=rgb, anchor="mm")
    return picture
