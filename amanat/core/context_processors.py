from django.conf import settings
from django.urls import translate_url


def site(request):
    """The language switcher's links: this same page in each interface language."""
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": name, "short": short, "url": translate_url(path, code)}
            for code, name, short in (
                ("kk", "Қазақша", "Қаз"),
                ("ru", "Русский", "Рус"),
                ("en", "English", "Eng"),
            )
        ],
        "require_2fa": settings.AMANAT_REQUIRE_2FA,
    }
