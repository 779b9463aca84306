import re

import pytest

from amanat.geography.models import ElectionCommission, Region

KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


@pytest.mark.django_db
def test_russian_region_names_have_no_kazakh_letters():
    names = dict(Region.objects.values_list("code", "name_ru"))

    assert [name for name in names.values() if KAZAKH_ONLY.search(name)] == []
    assert (names["KZ-10"], names["KZ-33"], names["KZ-62"]) == (
        "область Абай",
        "область Жетысу",
        "область Улытау",
    )
    commission = ElectionCommission.objects.get(code="KZ-33", level="territorial")
    assert commission.name_ru == "Территориальная избирательная комиссия: область Жетысу"


@pytest.mark.django_db
def test_the_old_spelling_still_finds_the_region():
    assert "область Жетісу" in Region.objects.get(code="KZ-33").aliases
