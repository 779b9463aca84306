"""Messages to people: the in-app inbox, the log of everything sent through any channel, and
the Telegram chat each person linked (their address on that channel)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """A message in a user's inbox on the website (the channel that always works)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    # Written in the person's language when sent; shown so even when they switch the site's.
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        db_table = "amanat_channels_notification"
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.title


class Delivery(models.Model):
    """One message to one person through one channel, with its outcome.

    Written as pending before anything is sent, under a key unique to the occasion, person and
    channel (e.g. `broadcast:7:42:email`): planning the same occasion again adds nothing, and a
    task handed the row again finds it sent and sends nothing."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("No address for this channel")

    # No user: an e-mail to someone without an account (an applicant, a citizen who left an
    # address for the answer to their question), sent to `address`.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    address = models.EmailField(_("address"), blank=True)
    channel = models.CharField(_("channel"), max_length=20)
    kind = models.CharField(_("kind"), max_length=40)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    error = models.CharField(_("error"), max_length=300, blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    key = models.CharField(max_length=120, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # A string reference: the observers' app sits above this one and is never imported here.
    broadcast = models.ForeignKey(
        "observers.Broadcast",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )

    class Meta:
        db_table = "amanat_channels_delivery"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=~models.Q(key=""), name="delivery_once_per_key"
            )
        ]
        indexes = [models.Index(fields=["broadcast", "status"], name="delivery_broadcast_status")]
        verbose_name = _("delivery")
        verbose_name_plural = _("delivery log")

    def __str__(self) -> str:
        return f"{self.channel} → {self.user or self.address}: {self.status}"


class TelegramLink(models.Model):
    """A Telegram chat linked to an Amanat account with a one-time code."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="telegram"
    )
    chat_id = models.BigIntegerField(_("chat"), unique=True)
    linked_at = models.DateTimeField(_("linked"), auto_now_add=True)

    class Meta:
        db_table = "amanat_channels_telegramlink"
        verbose_name = _("Telegram link")
        verbose_name_plural = _("Telegram links")

    def __str__(self) -> str:
        return f"{self.user} ↔ {self.chat_id}"


class TelegramLinkCode(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=12, unique=True)
    expires_at = models.DateTimeField()

    class Meta:
        db_table = "amanat_channels_telegramlinkcode"

    def __str__(self) -> str:
        return self.code
