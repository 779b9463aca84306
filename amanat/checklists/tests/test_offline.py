"""What the service worker may keep (sw.js): the checklist pages mark themselves, no other
signed-in page does, and signing out tells the browser to forget everything."""

import pytest

from amanat.checklists.loader import forms_load_all
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def observer_client(client):
    forms_load_all()
    ElectionFactory()
    observer = ObserverFactory()
    observer.user.role = "analyst"  # an observer who also sees the dashboard
    observer.user.save(update_fields=["role"])
    client.force_login(observer.user)
    return client


def test_only_the_checklists_are_marked_for_keeping(observer_client):
    marks = {
        path: observer_client.get(path).get("X-Amanat-Offline")
        for path in ["/ru/checklists/", "/ru/checklists/VT/", "/ru/checklists/dashboard/"]
    }
    assert marks == {"/ru/checklists/": "keep", "/ru/checklists/VT/": "keep",
                     "/ru/checklists/dashboard/": None}  # fmt: skip


def test_a_checklist_names_the_pages_to_keep_with_it(observer_client):
    html = observer_client.get("/kk/checklists/OP/").content.decode()
    # Election day, the voter-list audit's field forms (NP, PN) and pre-election monitoring.
    forms = ["CL", "NP", "OP", "PA", "PC", "PE", "PN", "PP", "PV", "VT"]
    keep = " ".join(["/kk/checklists/", *(f"/kk/checklists/{code}/" for code in forms)])
    assert f'data-keep="{keep}"' in html


def test_signing_out_clears_the_browsers_cache_and_storage(observer_client):
    response = observer_client.post("/ru/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
