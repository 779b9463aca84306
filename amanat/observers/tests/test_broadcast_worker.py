"""Done-when of the queue: a broadcast to 300 observers through a real worker on a real
broker, with the worker killed (SIGKILL) mid-broadcast and started again, reaches every
observer exactly once, counted at the (slow, fake) gateway."""

import time
from collections import Counter

from amanat.accounts.roles import Role
from amanat.notifications.models import Delivery
from amanat.observers.selectors import observers_visible_to
from amanat.observers.services.broadcasts import broadcast_send
from amanat.observers.tests.factories import ObserverFactory, region

OBSERVERS = 300
DELAY = 0.1  # seconds per message at the gateway


def _lines(path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def _wait_for(condition, seconds: float, worker) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not done in {seconds} s; worker log:\n{worker.log()[-5000:]}")
        time.sleep(0.005)


def test_a_worker_killed_mid_broadcast_still_delivers_each_message_once(
    task_worker, tmp_path, make_user
):
    gateway = tmp_path / "gateway.txt"
    task_worker.env.update({
        "EMAIL_BACKEND": "amanat.notifications.tests.fake_gateway.SlowGateway",
        "AMANAT_FAKE_GATEWAY_FILE": str(gateway),
        "AMANAT_FAKE_GATEWAY_DELAY": str(DELAY),
    })  # fmt: skip
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    observers = [ObserverFactory(user__email=f"o{n}@example.org") for n in range(OBSERVERS)]
    expected = {o.user.email for o in observers}

    started = time.monotonic()
    broadcast = broadcast_send(
        author=coordinator, subject="Сбор", body="В 10:00",
        observers=observers_visible_to(coordinator), filters={}, channels=["email"],
    )  # fmt: skip
    assert time.monotonic() - started < 2  # the request only records and enqueues
    assert broadcast.deliveries.count() == 0

    task_worker.start()
    _wait_for(lambda: len(_lines(gateway)) >= OBSERVERS // 3, 120, task_worker)
    # Killed just after a message reached the gateway and while the next is on the line: the
    # one sent has had time to be marked sent, the one in hand was not.
    seen = len(_lines(gateway))
    _wait_for(lambda: len(_lines(gateway)) > seen, 10, task_worker)
    time.sleep(DELAY / 2)
    task_worker.kill()
    at_kill = len(_lines(gateway))
    assert at_kill < OBSERVERS

    task_worker.start()
    done = broadcast.deliveries.filter(status=Delivery.Status.SENT)
    _wait_for(lambda: done.count() == OBSERVERS, 180, task_worker)
    time.sleep(2 * DELAY)  # nothing more may arrive
    received = Counter(_lines(gateway))
    assert set(received) == expected
    assert [e for e, n in received.items() if n != 1] == []
    assert broadcast.deliveries.count() == OBSERVERS
    assert "test2@" in task_worker.log()  # the second worker finished the broadcast
