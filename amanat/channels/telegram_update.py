"""The shape of a Telegram Update, checked before the bot reads one (issue 16: a fuzzed
update with a string where an object belongs, or an id past 64 bits, answered 500).

Only the fields the bot reads are checked, with the types the Bot API documents; every other
field is allowed and ignored, so a real update is never refused for what Telegram adds."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

# Update and chat ids are stored in BIGINT columns.
BigInt = Annotated[StrictInt, Field(ge=-(2**63), le=2**63 - 1)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow")


class Chat(_Part):
    id: BigInt
    type: StrictStr | None = None


class Sender(_Part):
    id: BigInt | None = None
    language_code: StrictStr | None = None


class Contact(_Part):
    phone_number: StrictStr
    user_id: BigInt | None = None


class PhotoSize(_Part):
    file_id: StrictStr
    file_size: StrictInt | None = None


class Message(_Part):
    chat: Chat | None = None
    from_: Sender | None = Field(None, alias="from")
    text: StrictStr | None = None
    caption: StrictStr | None = None
    photo: list[PhotoSize] | None = None
    contact: Contact | None = None


class CallbackQuery(_Part):
    id: StrictStr
    from_: Sender | None = Field(None, alias="from")
    data: StrictStr | None = None
    message: Message | None = None


class Update(_Part):
    # Telegram sends it as a JSON number; a numeric string was accepted before, and still is.
    update_id: BigInt | Annotated[str, Field(pattern=r"^-?\d{1,19}$")]
    message: Message | None = None
    callback_query: CallbackQuery | None = None


def update_parse(payload) -> dict | None:
    """The update as the bot reads it (update_id an int), or None if it has not the shape."""
    if not isinstance(payload, dict):
        return None
    try:
        update = Update.model_validate(payload)
        update_id = int(update.update_id)
        if not -(2**63) <= update_id < 2**63:
            return None
    except (ValidationError, ValueError):
        return None
    return {**payload, "update_id": update_id}
