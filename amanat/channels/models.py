"""What arrives from outside: incoming SMS, and where each Telegram chat is in a checklist."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
