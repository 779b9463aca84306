from ninja import Router, Schema

from .selectors import region_list

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


@router.get("/regions", response=list[RegionOut], auth=None, summary="Regions and cities")
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
