"""The offline checklist in headless Chromium: go offline, submit twice, come back: each answer
set is stored exactly once."""

import hashlib
import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from amanat.accounts.tests.browser import sign_in
from amanat.checklists.loader import forms_load_all
from amanat.checklists.models import Submission
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.incidents.tests.test_api import photo_with_gps
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_offline_answers_are_sent_once_when_the_network_returns(new_page, live_server):
    forms_load_all()
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number="1")
    observer = ObserverFactory(user__username="field", user__password="field pass 2026")
    deployment_assign(election=election, observer=observer, stations=[station])

    page = new_page()
    sign_in(page, "field", "field pass 2026")
    page.goto("/ru/checklists/VT/")

    page.context.set_offline(True)
    page.locator("fieldset[data-code=A]").get_by_label("да").check()
    page.get_by_label("D. Число избирателей").fill("120")
    page.get_by_role("button", name="Отправить").click()
    page.locator("fieldset[data-code=A]").get_by_label("нет").check()
    page.get_by_label("D. Число избирателей").fill("340")
    page.get_by_role("button", name="Отправить").click()
    expect(page.locator("#queue-status")).to_contain_text("2")
    assert Submission.objects.count() == 0

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#queue-status")).to_have_text("")
    page.evaluate("window.dispatchEvent(new Event('online'))")  # a second flush sends nothing
    page.wait_for_timeout(500)

    stored = sorted(Submission.objects.values_list("answers", flat=True), key=lambda a: a["D"])
    assert stored == [{"A": True, "D": 120}, {"A": False, "D": 340}]
    assert set(Submission.objects.values_list("channel", flat=True)) == {"web"}


def test_a_photo_answer_waits_offline_and_arrives_without_its_gps(new_page, live_server,
                                                                  settings, tmp_path):  # fmt: skip
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    forms_load_all()
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number="1")
    observer = ObserverFactory(user__username="field", user__password="field pass 2026")
    deployment_assign(election=election, observer=observer, stations=[station])
    picture = tmp_path / "boxes.jpg"
    picture.write_bytes(photo_with_gps())

    page = new_page()
    sign_in(page, "field", "field pass 2026")
    page.goto("/ru/checklists/OP/")
    page.context.set_offline(True)
    page.locator("fieldset[data-code=A]").get_by_label("да").check()
    page.locator("fieldset[data-code=F] input[type=file]").set_input_files(str(picture))
    page.get_by_role("button", name="Отправить").click()
    expect(page.locator("#queue-status")).to_contain_text("1")
    assert Submission.objects.count() == 0

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#queue-status")).to_have_text("")
    submission = Submission.objects.get()
    sha = submission.answers["F"]
    assert submission.answers["A"] is True
    stored = (settings.AMANAT_PRIVATE_DIR / "checklists" / sha).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == sha
    assert not Image.open(io.BytesIO(stored)).getexif()  # redrawn on the phone: no GPS left
