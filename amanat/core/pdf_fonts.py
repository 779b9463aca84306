"""DejaVu Sans for PDFs: it covers Kazakh and Russian letters; reportlab's own fonts do not."""

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS = Path(__file__).resolve().parent.parent / "training" / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"


def fonts_register() -> None:
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, FONTS / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont(BOLD, FONTS / "DejaVuSans-Bold.ttf"))
