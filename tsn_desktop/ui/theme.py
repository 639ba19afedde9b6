"""A calm, readable look: Fusion style, a light palette, a slightly larger font."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ACCENT = "#1f6f8b"  # a calm blue-teal, readable on white (contrast > 4.5:1)

STYLESHEET = f"""
QListWidget#navigation {{
    background: #eef3f5;
    border: none;
    border-right: 1px solid #d5dee2;
    padding-top: 8px;
    font-size: 11pt;
}}
QListWidget#navigation::item {{
    padding: 10px 14px;
    border-radius: 6px;
    margin: 2px 6px;
    color: #1d2b33;
}}
QListWidget#navigation::item:selected {{
    background: {ACCENT};
    color: white;
}}
QLabel#pageTitle {{
    font-size: 18pt;
    font-weight: 600;
    color: #1d2b33;
}}
QLabel#placeholderText, QLabel#hint {{
    color: #4a5a63;
}}
QLabel#problem {{
    color: #a4262c;
}}
QLabel#ok {{
    color: #2e7d32;
}}
QLabel#demoBanner {{
    background: #fff4ce;
    border: 1px solid #e0c060;
    border-radius: 4px;
    padding: 8px;
    color: #4a3b00;
}}
QStatusBar QLabel {{
    color: #33434c;
    padding: 0 6px;
}}
"""


def set_style_role(widget: QWidget, role: str) -> None:
    """Switches a label between the styles above ("hint", "problem", "ok") by objectName."""
    if widget.objectName() != role:
        widget.setObjectName(role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() > 0 and font.pointSizeF() < 10.5:
        font.setPointSizeF(10.5)  # clinicians read this all day, often on a laptop
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
