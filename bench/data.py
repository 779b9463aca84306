"""The benchmarks' one data loader: stations, today's election and its forms, and synthetic
certified observers (no password: nobody signs in as them), as many as asked."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_ready() -> None:
    """Django set up on this clone's code, with a data directory of its own unless given."""
    os.environ.setdefault("AMANAT_DATA_DIR", tempfile.mkdtemp(prefix="amanat-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amanat.settings.base")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def stations_and_election():
    """The ~10,000 synthetic polling stations, the demo election (today) and every form."""
    from amanat.checklists.loader import forms_load_all
    from amanat.demo.elections import demo_election_load
    from amanat.demo.stations import synthetic_station_csv
    from amanat.geography.selectors import country_default
    from amanat.geography.services import stations_import_text

    stations_import_text(text=synthetic_station_csv(), country=country_default())
    election = demo_election_load(country_default())
    forms_load_all()
    return election


def observers_certified(places: list[tuple[int, int | None]], *, phones: bool = False) -> list:
    """One certified observer for each (region id, district id), named bench0, bench1 …;
    with `phones`, observer i has the phone +7702 and i in seven digits."""
    from django.utils import timezone

    from amanat.accounts.models import Certificate, User
    from amanat.observers.models import Observer

    users = [
        User(
            username=f"bench{i}", role="observer", **({"phone": f"+7702{i:07d}"} if phones else {})
        )
        for i in range(len(places))
    ]
    for user in users:
        user.set_unusable_password()
    User.objects.bulk_create(users, batch_size=2000)
    observers = Observer.objects.bulk_create(
        [Observer(user=user, region_id=region, district_id=district)
         for user, (region, district) in zip(users, places, strict=True)],
        batch_size=2000,
    )  # fmt: skip
    Certificate.objects.bulk_create(
        [Certificate(user=user, program="observer", code=f"B{user.pk}", holder_name="b",
                     issued_at=timezone.now()) for user in users],
        batch_size=2000,
    )  # fmt: skip
    return observers


def deployed_one_per_station(election, stations: list, observers: list) -> None:
    """Observer i deployed (stationary) at station i for the election."""
    from amanat.observers.models import Deployment, DeploymentStation

    deployments = Deployment.objects.bulk_create(
        [Deployment(election=election, observer=o, kind="stationary") for o in observers],
        batch_size=2000,
    )
    DeploymentStation.objects.bulk_create(
        [DeploymentStation(deployment=d, station=s, election=election)
         for d, s in zip(deployments, stations, strict=True)], batch_size=2000,
    )  # fmt: skip
