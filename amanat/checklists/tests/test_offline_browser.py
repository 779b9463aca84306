"""The offline checklist in headless Chromium: go offline, submit twice, come back: each answer
set is stored exactly once."""

import hashlib
import io

import pytest
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from amanat.accounts.tests.browser import sign_in
from amanat.checklists.loader import forms_load_all
from amanat.checklists.models import Submission
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.incidents.tests.factories import photo_with_gps
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


KEPT = """async () => {
  const cache = await caches.open("amanat-v2");
  return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
}"""
# Election day, the voter-list audit's field forms (NP, PN) and pre-election monitoring.
FORMS = ["CL", "NP", "OP", "PA", "PC", "PE", "PN", "PP", "PV", "VT"]
PAGES = ["/ru/checklists/", *(f"/ru/checklists/{code}/" for code in FORMS)]
FILES = ["/static/amanat/css/amanat.css", "/static/amanat/favicon.svg",
         "/static/amanat/js/checklist.js", "/static/amanat/js/htmx.min.js"]  # fmt: skip


def observer_deployed():
    forms_load_all()
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number="1")
    observer = ObserverFactory(user__username="field", user__password="field pass 2026")
    deployment_assign(election=election, observer=observer, stations=[station])
    return observer


def first_visit(page, path="/ru/checklists/VT/"):
    """Signs in, opens a checklist once and waits until the worker has kept it."""
    sign_in(page, "field", "field pass 2026")
    page.goto(path)
    for _ in range(100):
        if len(page.evaluate(KEPT)) == len(PAGES + FILES):
            return
        page.wait_for_timeout(100)


def test_the_checklist_opens_offline_after_the_first_visit(new_page, live_server):
    observer_deployed()
    page = new_page()
    first_visit(page)
    assert page.evaluate(KEPT) == sorted(PAGES + FILES)

    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("VT")
    page.locator("fieldset[data-code=A]").get_by_label("да").check()
    page.get_by_label("D. Число избирателей").fill("120")
    page.get_by_role("button", name="Отправить").click()
    expect(page.locator("#queue-status")).to_contain_text("1")
    page.goto("/ru/checklists/OP/")  # the other checklists were kept with it
    expect(page.get_by_role("heading", level=1)).to_contain_text("OP")
    # Not asserted here: that nothing reached the server meanwhile. Chromium's offline
    # emulation does not reliably cover a request from a page a service worker controls (in
    # one of our CI runs the first attempt got through); what must hold is exactly one report.

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#queue-status")).to_have_text("")
    assert list(Submission.objects.values_list("answers", flat=True)) == [{"A": True, "D": 120}]


def test_no_other_signed_in_page_is_kept_and_a_copy_expires(new_page, live_server):
    observer = observer_deployed()
    observer.user.role = "analyst"  # an observer who also sees the dashboard
    observer.user.save(update_fields=["role"])
    page = new_page()
    first_visit(page)
    page.goto("/ru/checklists/dashboard/")  # through the worker, online
    # The copy of VT as if kept 25 hours ago.
    page.evaluate("""async () => {
      const cache = await caches.open("amanat-v2");
      const copy = await cache.match("/ru/checklists/VT/", {ignoreVary: true});
      const headers = new Headers(copy.headers);
      headers.set("X-Amanat-Kept-At", String(Date.now() - 25 * 3600 * 1000));
      await cache.put("/ru/checklists/VT/", new Response(await copy.blob(), {headers}));
    }""")
    assert page.evaluate(KEPT) == sorted(PAGES + FILES)

    page.context.set_offline(True)
    paths = ["/ru/checklists/dashboard/", "/ru/checklists/VT/", "/ru/checklists/OP/"]
    assert {path: opens(page, path) for path in paths} == {
        "/ru/checklists/dashboard/": False,  # never kept
        "/ru/checklists/VT/": False,  # kept more than a day ago
        "/ru/checklists/OP/": True,
    }


def opens(page, path: str) -> bool:
    """Whether our page opens in a new tab, not the browser's "no network" page. A tab of its
    own each time: Chromium's error page reloads itself, over the next navigation."""
    tab = page.context.new_page()
    try:
        tab.goto(path)
        return tab.locator("main#main").count() == 1
    except PlaywrightError:  # Chromium fails the navigation or shows its page
        return False
    finally:
        tab.close()


def test_signing_out_clears_the_kept_pages_and_the_queue(new_page, live_server):
    observer_deployed()
    page = new_page()
    first_visit(page)
    page.context.set_offline(True)
    page.locator("fieldset[data-code=A]").get_by_label("да").check()
    page.get_by_role("button", name="Отправить").click()
    expect(page.locator("#queue-status")).to_contain_text("1")
    page.route("**/ru/checklists/submit/", lambda route: route.abort())  # still not sent
    page.context.set_offline(False)
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Выйти").click()
    page.wait_for_url("**/ru/")
    assert asked == ["На этом телефоне есть неотправленные ответы. При выходе они будут удалены. "
                     "Всё равно выйти?"]  # fmt: skip
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("localStorage.length") == 0
    assert Submission.objects.count() == 0
