from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "amanat.core"
    verbose_name = _("Core")

    def ready(self):
        # Pillow's own guard against decompression bombs, at the same size our intake refuses
        # (amanat.core.uploads.picture_open), for every picture this process decodes.
        from django.conf import settings
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = settings.AMANAT_UPLOAD_MAX_PIXELS
