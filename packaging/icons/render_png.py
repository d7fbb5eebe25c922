"""Render the app's SVG icon as PNG files, one per size, with Qt's own SVG renderer.

Run by packaging/build.py with the build venv's Python (its PySide6 has QtSvg), so the
PNGs need no other tool and always match the SVG:
    python packaging/icons/render_png.py ICON.svg OUT_DIR 48 64 128 256
writes OUT_DIR/48.png and so on.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def render(svg: Path, size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg}: not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"error: cannot write {out}")


def main(argv: list[str]) -> int:
    svg, out_dir, *sizes = argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication([])
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for size in sizes:
        render(Path(svg), int(size), Path(out_dir) / f"{size}.png")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
