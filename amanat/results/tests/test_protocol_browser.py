"""An observer types the protocol on the phone page in Chromium: a broken control relation is
named above the form and the figures come back to be corrected, then the corrected protocol is
stored once."""

import pytest
from playwright.sync_api import expect

from amanat.accounts.tests.browser import sign_in
from amanat.checklists.models import Submission
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region
from amanat.results.services import protocol_form_load

from .protocol_setup import GOOD, RECEIVED_OFF, contest_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_broken_protocol_is_named_and_kept_for_correction(new_page, live_server):
    election = ElectionFactory()
    protocol_form_load(contest_create(election))
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number="1")
    observer = ObserverFactory(user__username="field", user__password="field pass 2026")
    deployment_assign(election=election, observer=observer, stations=[station])

    page = new_page()
    sign_in(page, "field", "field pass 2026")
    page.goto("/ru/checklists/PR/")
    for code, value in RECEIVED_OFF.items():
        page.locator(f"fieldset[data-code={code}] input").fill(str(value))
    page.get_by_role("button", name="Отправить").click()

    expect(page.locator("#form-errors")).to_contain_text(
        "R1: Контрольное соотношение «получено (B) = выдано (C) + погашено (D) + утрачено (E)»"
        " не выполняется: 900 ≠ 890."
    )
    expect(page.locator("fieldset[data-code=D] input")).to_have_value("290")
    assert Submission.objects.count() == 0

    page.locator("fieldset[data-code=D] input").fill("300")
    page.get_by_role("button", name="Отправить").click()
    expect(page.locator("#network-status")).to_have_text("Отправлено.")
    assert Submission.objects.get().answers == GOOD
