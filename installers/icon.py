"""Draws the TSN Desktop icon with Qt (no binary in the repository): PNGs, .ico, .icns."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256, 512)
NAME = "tsn-desktop"


def draw(size: int):  # -> QImage
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 512
    gradient = QLinearGradient(0, 0, 0, size)
    gradient.setColorAt(0, QColor("#2a8ca8"))
    gradient.setColorAt(1, QColor("#155a70"))
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(16 * s, 16 * s, 480 * s, 480 * s), 96 * s, 96 * s)
    painter.fillPath(tile, gradient)
    # A white cross (care) with a green tick in its corner (a vaccination record up to date).
    cross = QPainterPath()
    cross.addRoundedRect(QRectF(206 * s, 96 * s, 100 * s, 320 * s), 20 * s, 20 * s)
    cross.addRoundedRect(QRectF(96 * s, 206 * s, 320 * s, 100 * s), 20 * s, 20 * s)
    cross.setFillRule(Qt.FillRule.WindingFill)
    painter.fillPath(cross.simplified(), QColor("#ffffff"))
    painter.setBrush(QColor("#3fb37f"))
    painter.setPen(QPen(QColor("#ffffff"), 14 * s))
    painter.drawEllipse(QRectF(312 * s, 312 * s, 168 * s, 168 * s))
    tick = QPen(QColor("#ffffff"), 22 * s)
    tick.setCapStyle(Qt.PenCapStyle.RoundCap)
    tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(tick)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    path.moveTo(352 * s, 398 * s)
    path.lineTo(384 * s, 430 * s)
    path.lineTo(440 * s, 364 * s)
    painter.drawPath(path)
    painter.end()
    return image


def make_icons(folder: Path) -> dict[str, Path]:
    """Writes NAME-<size>.png for each size, NAME.png (256), NAME.ico and NAME.icns."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImageWriter

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    for size in SIZES:
        path = folder / f"{NAME}-{size}.png"
        if not draw(size).save(str(path), "PNG"):
            raise RuntimeError(f"cannot write {path}")
        made[f"png{size}"] = path
    made["png"] = folder / f"{NAME}.png"
    made["png"].write_bytes(made["png256"].read_bytes())
    for fmt in ("ico", "icns"):
        path = folder / f"{NAME}.{fmt}"
        writer = QImageWriter(str(path), fmt.encode())
        # Qt's ico and icns writers take one image; 256 px covers every use.
        if writer.write(draw(256)):
            made[fmt] = path
    return made


if __name__ == "__main__":
    for kind, path in make_icons(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")).items():
        print(kind, path)
