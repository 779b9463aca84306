"""The certificate as a PDF: holder, programme, date and the code anyone can verify."""

import io

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from amanat.accounts.models import Certificate
from amanat.core.pdf_fonts import fonts_register


def certificate_pdf(certificate: Certificate, *, language: str, verify_url: str) -> bytes:
    fonts_register()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    with translation.override(language):
        pdf.setTitle(_("Certificate %(code)s") % {"code": certificate.code})
        pdf.setLineWidth(3)
        pdf.setStrokeColorRGB(0.04, 0.36, 0.68)
        pdf.rect(30, 30, width - 60, height - 60)
        lines = [
            ("DejaVuSans-Bold", 30, _("Certificate")),
            ("DejaVuSans", 16, _("This certifies that")),
            ("DejaVuSans-Bold", 24, certificate.holder_name),
            ("DejaVuSans", 16, _("has completed the training of the Amanat observer network")),
            ("DejaVuSans", 16, str(certificate.get_program_display())),
            ("DejaVuSans", 13, date_format(timezone.localtime(certificate.issued_at), "j E Y")),
        ]
        y = height - 130
        for font, size, text in lines:
            pdf.setFont(font, size)
            pdf.drawCentredString(width / 2, y, text)
            y -= size + 26
        pdf.setFont("DejaVuSans", 12)
        pdf.drawCentredString(
            width / 2, 90, _("Verification code: %(code)s") % {"code": certificate.code}
        )
        pdf.drawCentredString(width / 2, 70, verify_url)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
