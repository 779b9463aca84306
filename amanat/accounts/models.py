import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .roles import REGION_SCOPED_ROLES, STAFF_ROLES, Role


class User(AbstractUser):
    """A person using Amanat. Signs in with username, e-mail or phone number."""

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.CITIZEN)
    phone = models.CharField(
        _("phone number"), max_length=20, blank=True, help_text=_("International format, +7...")
    )
    regions = models.ManyToManyField(
        "geography.Region",
        verbose_name=_("regions"),
        blank=True,
        related_name="staff",
        help_text=_("Coordinators, lawyers and observers act only in these regions."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")],
        default="ru",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="user_email_unique"
            ),
            models.UniqueConstraint(
                fields=["phone"], condition=~models.Q(phone=""), name="user_phone_unique"
            ),
        ]

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_region_scoped(self) -> bool:
        return self.role in REGION_SCOPED_ROLES


class ApiToken(models.Model):
    """A bearer token for devices and observers. Only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    name = models.CharField(_("name"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()


class DigestCredential(models.Model):
    """MD5(username:realm:password), which HTTP Digest needs (ODK Collect signs in with it).
    Kept apart from the Argon2 password hash and set only when a password is set."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="digest_credential")
    ha1 = models.CharField(max_length=32)

    def __str__(self) -> str:
        return str(self.user)


class Program(models.TextChoices):
    """The programmes of the course engine (training), each ending in a certificate."""

    OBSERVER = "observer", _("Observer certification")
    FIRST_TIME_VOTER = "first_time_voter", _("First-time voter")


class Certificate(models.Model):
    """Issued when every required course of a programme is passed; verifiable by its code.
    Training issues and revokes it; observers deploy and message whoever holds a valid one of
    the observer programme, so it lives here, below both."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="certificates")
    program = models.CharField(_("programme"), max_length=30, choices=Program.choices)
    code = models.CharField(_("verification code"), max_length=20, unique=True)
    holder_name = models.CharField(_("holder"), max_length=200)
    issued_at = models.DateTimeField(_("issued"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        db_table = "training_certificate"  # made by training, which issues it
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "program"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_valid_certificate_per_programme",
            )
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
