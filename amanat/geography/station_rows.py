"""Parsing and validating one row of a polling-station CSV file, without touching the database.

Columns (header names, any order): number, region, district, settlement, name, address,
latitude, longitude, registered_voters, is_abroad. Translatable columns take a language suffix
(`address_kk`, `address_en`); the bare name is Russian, the default content language. The
region may be given by ISO code (KZ-75), KATO code, or a name or alias in any language.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

LANGS = ("ru", "kk", "en")
TRUE_WORDS = {"1", "true", "yes", "y", "да", "иә"}
FALSE_WORDS = {"", "0", "false", "no", "n", "нет", "жоқ"}
MAX_VOTERS = 10_000_000


@dataclass(frozen=True)
class StationRow:
    line: int
    number: str
    region_id: int
    district: dict[str, str]
    settlement: dict[str, str]
    name: dict[str, str]
    address: dict[str, str]
    latitude: Decimal | None
    longitude: Decimal | None
    registered_voters: int
    is_abroad: bool
    is_synthetic: bool


class RowInvalid(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def translations(raw: dict[str, str], field: str) -> dict[str, str]:
    """{'ru': ..., 'kk': ..., 'en': ...} from columns field / field_ru / field_kk / field_en."""
    values = {lang: (raw.get(f"{field}_{lang}") or "").strip() for lang in LANGS}
    if not values["ru"]:
        values["ru"] = (raw.get(field) or "").strip()
    return values


def _coordinate(raw: dict[str, str], field: str, limit: int) -> Decimal | None:
    text = (raw.get(field) or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RowInvalid(field, _("“%(value)s” is not a number") % {"value": text}) from None
    if not value.is_finite() or not -limit <= value <= limit:
        raise RowInvalid(field, _("must be between -%(limit)s and %(limit)s") % {"limit": limit})
    return value.quantize(Decimal("0.000001"))


def _flag(raw: dict[str, str], field: str) -> bool:
    text = (raw.get(field) or "").strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise RowInvalid(field, _("“%(value)s” is not yes or no") % {"value": text})


def parse_station_row(raw: dict[str, str], *, line: int, regions: dict[str, int]) -> StationRow:
    """Validate one CSV row; raise RowInvalid naming the first bad field."""
    number = (raw.get("number") or "").strip()
    if not number:
        raise RowInvalid("number", _("the station number is missing"))
    if len(number) > 20:
        raise RowInvalid("number", _("the station number is longer than 20 characters"))
    region_text = (raw.get("region") or "").strip()
    if not region_text:
        raise RowInvalid("region", _("the region is missing"))
    region_id = regions.get(region_text.casefold())
    if region_id is None:
        raise RowInvalid("region", _("unknown region “%(value)s”") % {"value": region_text})
    district = translations(raw, "district")
    if not district["ru"]:
        raise RowInvalid("district", _("the district is missing"))
    address = translations(raw, "address")
    if not any(address.values()):
        raise RowInvalid("address", _("the address is missing"))
    voters_text = (raw.get("registered_voters") or "").strip().replace(" ", "")
    # ASCII digits only ("²".isdigit() is true), and no more than a column can hold.
    if not (voters_text.isascii() and voters_text.isdigit()) or int(voters_text) > MAX_VOTERS:
        raise RowInvalid(
            "registered_voters",
            _("“%(value)s” is not a whole number of voters") % {"value": voters_text},
        )
    latitude = _coordinate(raw, "latitude", 90)
    longitude = _coordinate(raw, "longitude", 180)
    if (latitude is None) != (longitude is None):
        raise RowInvalid("latitude", _("give both latitude and longitude, or neither"))
    return StationRow(
        line=line,
        number=number,
        region_id=region_id,
        district=district,
        settlement=translations(raw, "settlement"),
        name=translations(raw, "name"),
        address=address,
        latitude=latitude,
        longitude=longitude,
        registered_voters=int(voters_text),
        is_abroad=_flag(raw, "is_abroad"),
        is_synthetic=_flag(raw, "synthetic"),
    )
