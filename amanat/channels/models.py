"""Messages to people: the in-app inbox and the log of everything sent through any channel."""

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
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.title


class Delivery(models.Model):
    """One message to one person through one channel, with its outcome."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("No address for this channel")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(_("channel"), max_length=20)
    kind = models.CharField(_("kind"), max_length=40)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    error = models.CharField(_("error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    broadcast = models.ForeignKey(
        "observers.Broadcast",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("delivery")
        verbose_name_plural = _("delivery log")

    def __str__(self) -> str:
        return f"{self.channel} → {self.user}: {self.status}"


class InboundMessage(models.Model):
    """Every SMS that arrives, kept whatever happens to it, with the reply that was sent."""

    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        DUPLICATE = "duplicate", _("Duplicate")
        UNKNOWN_SENDER = "unknown_sender", _("Unknown sender")

    gateway = models.CharField(_("gateway"), max_length=20)
    message_id = models.CharField(_("message id"), max_length=100)
    phone = models.CharField(_("phone number"), max_length=32)
    text = models.TextField(_("text"))
    # SHA-256 of the text as read (case, look-alike letters and punctuation evened out): the
    # same report sent twice from one phone is found by equality, not by reading every SMS.
    text_key = models.CharField(max_length=64, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    reply = models.TextField(_("reply"), blank=True)
    submission = models.ForeignKey(
        "checklists.Submission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("incoming SMS")
        verbose_name_plural = _("incoming SMS")
        constraints = [
            models.UniqueConstraint(fields=["gateway", "message_id"], name="sms_once_per_gateway")
        ]
        indexes = [
            models.Index(fields=["phone", "text_key", "received_at"], name="sms_repeat_lookup")
        ]

    def __str__(self) -> str:
        return f"{self.gateway}:{self.message_id}"


class TelegramLink(models.Model):
    """A Telegram chat linked to an Amanat account with a one-time code."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="telegram"
    )
    chat_id = models.BigIntegerField(_("chat"), unique=True)
    linked_at = models.DateTimeField(_("linked"), auto_now_add=True)

    class Meta:
        verbose_name = _("Telegram link")
        verbose_name_plural = _("Telegram links")

    def __str__(self) -> str:
        return f"{self.user} ↔ {self.chat_id}"


class TelegramLinkCode(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=12, unique=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.code


class TelegramConversation(models.Model):
    """Where a chat is in a checklist: the form, the answers so far, the next question."""

    chat_id = models.BigIntegerField(unique=True)
    form_code = models.CharField(max_length=8, blank=True)
    station_number = models.CharField(max_length=20, blank=True)
    answers = models.JSONField(default=dict)
    position = models.PositiveSmallIntegerField(default=0)
    client_id = models.UUIDField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.chat_id}: {self.form_code} #{self.position}"


class TelegramUpdate(models.Model):
    """Update ids already handled: Telegram resends an update it thinks was not received."""

    update_id = models.BigIntegerField(unique=True)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.update_id)
