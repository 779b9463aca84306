from ninja import Router, Schema
from ninja.pagination import paginate

from amanat.core.api_errors import QueryText, error_responses
from amanat.core.api_pagination import BoundedLimitOffsetPagination

from .selectors import region_list, stations_search

router = Router(tags=["geography"])


class RegionOut(Schema):
    code: str
    kato: str
    type: str
    center: str
    name: dict[str, str]
    name_kk: str
    name_ru: str
    name_en: str


@router.get(
    "/regions",
    response={200: list[RegionOut], **error_responses()},
    auth=None,
    summary="Regions and cities",
)
def regions(request):
    return [
        {
            "code": r.code,
            "kato": r.kato,
            "type": r.kind,
            "center": r.center,
            "name": {"kk": r.name_kk, "ru": r.name_ru, "en": r.name_en},
            "name_kk": r.name_kk,
            "name_ru": r.name_ru,
            "name_en": r.name_en,
        }
        for r in region_list()
    ]


def _langs(obj, field: str) -> dict[str, str]:
    return {lang: getattr(obj, f"{field}_{lang}") or "" for lang in ("kk", "ru", "en")}


class StationOut(Schema):
    number: str
    region: str
    district: dict[str, str]
    settlement: dict[str, str] | None
    name: dict[str, str]
    address: dict[str, str]
    latitude: float | None
    longitude: float | None
    registered_voters: int
    is_abroad: bool
    is_synthetic: bool

    @staticmethod
    def resolve_region(station) -> str:
        return station.district.region.code

    @staticmethod
    def resolve_district(station) -> dict[str, str]:
        return _langs(station.district, "name")

    @staticmethod
    def resolve_settlement(station) -> dict[str, str] | None:
        return _langs(station.settlement, "name") if station.settlement else None

    @staticmethod
    def resolve_name(station) -> dict[str, str]:
        return _langs(station, "name")

    @staticmethod
    def resolve_address(station) -> dict[str, str]:
        return _langs(station, "address")


@router.get(
    "/stations",
    response={200: list[StationOut], **error_responses(422)},
    auth=None,
    summary="Find polling stations (public)",
)
@paginate(BoundedLimitOffsetPagination)
def stations(request, q: QueryText = "", region: QueryText = ""):
    return stations_search(query=q[:100], region_code=region[:10])
