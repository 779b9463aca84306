from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "amanat.evidence"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        # Pillow's own guard against decompression bombs, at the same size our intake refuses
        # (amanat.evidence.pictures.picture_open), for every picture this process decodes.
        from django.conf import settings
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = settings.AMANAT_UPLOAD_MAX_PIXELS
