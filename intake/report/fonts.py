"""Fonts for the PDF: bundled DejaVu Sans, and a CJK fallback when the system has one.

reportlab has no per-glyph fallback, so text is split into runs: characters DejaVu lacks
are wrapped in the CJK font when it has them. A character neither font has is reported
as a warning (and shown on the PDF), never drawn silently as an empty box.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from intake.paths import RESOURCES_DIR

FONT_DIR = RESOURCES_DIR / "fonts"
REGULAR, BOLD, CJK = "DejaVuSans", "DejaVuSans-Bold", "IntakeCJK"
CJK_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
)
CJK_INSTALL_COMMAND = "apt-get install fonts-wqy-microhei"
"""What installs a font for Chinese, Japanese and Korean names on Debian or Ubuntu (a command: never translated)."""

# Binary (not ASCII85) streams for every PDF this process writes: the embedded fonts
# encode in a fraction of the time and the files are smaller; no reader needs 7-bit text.
rl_config.useA85 = 0


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    cjk: str | None
    regular_glyphs: frozenset[int]
    cjk_glyphs: frozenset[int]


def _register(name: str, path: Path, **kwargs: Any) -> TTFont:
    font = TTFont(name, str(path), **kwargs)
    pdfmetrics.registerFont(font)
    return font


@lru_cache(maxsize=1)
def fonts() -> Fonts:
    regular = _register(REGULAR, FONT_DIR / "DejaVuSans.ttf")
    _register(BOLD, FONT_DIR / "DejaVuSans-Bold.ttf")
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    cjk_name: str | None = None
    cjk_glyphs: frozenset[int] = frozenset()
    for candidate in CJK_CANDIDATES:
        if candidate.is_file():
            cjk = _register(CJK, candidate, subfontIndex=0) if candidate.suffix == ".ttc" else _register(CJK, candidate)
            cjk_name, cjk_glyphs = CJK, frozenset(cjk.face.charToGlyph)
            break
    return Fonts(REGULAR, BOLD, cjk_name, frozenset(regular.face.charToGlyph), cjk_glyphs)


def unprintable(text: str) -> set[str]:
    """Characters that no available font can draw."""
    found = fonts()
    return {ch for ch in text
            if ch.isprintable() and not ch.isspace() and ord(ch) not in found.regular_glyphs and ord(ch) not in found.cjk_glyphs}


def fits_on_one_line(text: str, width: float, size: float = 8.5, bold: bool = False) -> bool:
    """Whether the regular (or bold) font draws all of `text` on one line of `width` points."""
    found = fonts()
    return (
        all(ord(ch) in found.regular_glyphs and ch.isprintable() for ch in text)
        and pdfmetrics.stringWidth(text, found.bold if bold else found.regular, size) <= width
    )


def markup(text: str) -> str:
    """Paragraph markup for user text: escaped, with runs DejaVu lacks set in the CJK font."""
    found = fonts()
    if found.cjk is None or all(ord(ch) in found.regular_glyphs or ch.isspace() for ch in text):
        return escape(text)
    parts: list[str] = []
    run: list[str] = []
    in_cjk = False
    for ch in text:
        wants_cjk = ord(ch) not in found.regular_glyphs and ord(ch) in found.cjk_glyphs
        if wants_cjk != in_cjk and run:
            parts.append(_wrap("".join(run), in_cjk, found.cjk))
            run = []
        in_cjk = wants_cjk
        run.append(ch)
    parts.append(_wrap("".join(run), in_cjk, found.cjk))
    return "".join(parts)


def _wrap(text: str, cjk: bool, name: str) -> str:
    return f'<font name="{name}">{escape(text)}</font>' if cjk else escape(text)
