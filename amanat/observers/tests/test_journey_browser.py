"""The observer's whole journey in a real browser: apply → vetted → pass the quiz → certified
→ deployed → check in → SOS reaches the coordinator."""

import pytest
from playwright.sync_api import expect

from amanat.accounts.roles import Role
from amanat.accounts.tests.browser import sign_in
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.notifications.models import Notification
from amanat.observers.models import CheckIn, SosAlert
from amanat.observers.tests.factories import ElectionFactory, region
from amanat.training.tests.factories import quiz_with_pool

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "coordinator pass 2026"


def test_observer_journey(new_page, make_user):
    ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number="7101")
    quiz_with_pool(size=3, questions_per_attempt=3)  # the one required course
    make_user(username="coord", role=Role.COORDINATOR, regions=[region("KZ-71")], password=PASSWORD)
    volunteer, coordinator = new_page(), new_page()

    # 1. Apply.
    volunteer.goto("/ru/observers/apply/")
    volunteer.get_by_label("Имя и фамилия").fill("Айгерим Демокызы")
    volunteer.get_by_label("Номер телефона").fill("8 701 555 44 33")
    volunteer.get_by_label("Регион, где вы будете наблюдать").select_option(label="город Астана")
    volunteer.get_by_label("Русский").check()
    volunteer.get_by_label("День голосования, весь день").check()
    volunteer.get_by_label("Я согласен(на)").check()
    volunteer.get_by_label("Я принимаю кодекс поведения").check()
    volunteer.get_by_role("button", name="Отправить заявку").click()
    code = volunteer.locator("#follow-up-code").inner_text()

    # 2. The coordinator of Astana approves.
    sign_in(coordinator, "coord", PASSWORD)
    coordinator.goto("/ru/observers/applications/")
    coordinator.locator("table.data a").first.click()
    assert "Айгерим Демокызы" in coordinator.content()
    coordinator.get_by_label("Решение").select_option("approve")
    coordinator.get_by_role("button", name="Сохранить решение").click()
    coordinator.wait_for_url("**/ru/observers/applications/")

    # 3. Later, on another device, the volunteer follows the application with the code,
    #    activates the account and signs in by phone.
    volunteer = new_page()
    volunteer.goto("/ru/observers/apply/status/")
    volunteer.get_by_label("Ваш код для отслеживания").fill(code)
    volunteer.get_by_role("button", name="Показать статус").click()
    expect(volunteer.locator("#application-status")).to_have_text("Одобрена")
    volunteer.get_by_label("Придумайте пароль").fill("my own observer secret 26")
    volunteer.get_by_role("button", name="Активировать учётную запись").click()
    sign_in(volunteer, "+77015554433", "my own observer secret 26")

    # 4. The course quiz, passed: certified.
    volunteer.get_by_role("link", name="Обучение наблюдателей").click()
    volunteer.locator(".courses a").first.click()
    volunteer.get_by_role("link", name="Перейти к тесту").click()
    volunteer.get_by_role("button", name="Начать тест").click()
    for fieldset in volunteer.locator("fieldset.question").all():
        fieldset.get_by_label("Ответ 2").check()  # the right answer in the test pool
    volunteer.get_by_role("button", name="Отправить ответы").click()
    expect(volunteer.locator("[role=status]")).to_contain_text("Сдано с результатом 100%.")
    expect(volunteer.get_by_text("Вы сертифицированы")).to_be_visible()

    # 5. The coordinator deploys the new observer to station 7101.
    coordinator.goto("/ru/observers/people/")
    coordinator.locator("table.data a").first.click()
    coordinator.get_by_label("Номера участков").fill("7101")
    coordinator.get_by_role("button", name="Направить").click()
    expect(coordinator.locator("main ul").first).to_contain_text("№7101")

    # 6. Election day: check in, then SOS.
    volunteer.get_by_role("link", name="Мой участок").click()
    volunteer.get_by_role("button", name="Я на месте: отметиться").click()
    expect(volunteer.get_by_text("Вы отметились на этом участке.")).to_be_visible()
    volunteer.get_by_label("Что происходит (необязательно)").fill("Меня удаляют с участка")
    volunteer.get_by_role("button", name="Отправить SOS").click()
    expect(volunteer.get_by_role("alert")).to_contain_text("Ваш SOS отправлен")

    # 7. The SOS reaches the coordinator.
    coordinator.goto("/ru/observers/sos/")
    expect(coordinator.locator("tr.urgent")).to_contain_text("№7101")
    coordinator.goto("/ru/observers/inbox/")
    assert "SOS от наблюдателя" in coordinator.locator(".inbox").inner_text()
    assert "Меня удаляют с участка" in coordinator.locator(".inbox").inner_text()

    assert CheckIn.objects.get().station == station
    assert SosAlert.objects.get().station == station
    assert Notification.objects.filter(kind="sos", user__username="coord").count() == 1
