"""Benchmark: propose and apply deployments for 10,000 certified observers over ~10,000 stations.

Prints the seconds for the proposal and for writing it. Target: under 20 s in all on the
project's 2-core machine.
"""

import os
import tempfile
import time


def main() -> None:
    os.environ.setdefault("AMANAT_DATA_DIR", tempfile.mkdtemp(prefix="amanat-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amanat.settings.base")
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from amanat.accounts.models import User
    from amanat.demo.elections import demo_election_load
    from amanat.demo.stations import synthetic_station_csv
    from amanat.geography.models import District, Region
    from amanat.geography.selectors import country_default
    from amanat.geography.services import stations_import_text
    from amanat.observers.models import Observer
    from amanat.observers.services.deployment import (
        deployment_apply_proposal,
        deployment_propose,
    )
    from amanat.training.models import Certificate

    call_command("migrate", verbosity=0)
    stations_import_text(text=synthetic_station_csv(), country=country_default())
    election = demo_election_load(country_default())
    districts = list(District.objects.values_list("pk", "region_id"))
    users = [User(username=f"bench-{i}", role="observer") for i in range(10_000)]
    for user in users:
        user.set_unusable_password()
    User.objects.bulk_create(users, batch_size=1000)
    Observer.objects.bulk_create(
        [
            Observer(user=u, region_id=districts[i % len(districts)][1],
                     district_id=districts[i % len(districts)][0])
            for i, u in enumerate(users)
        ],
        batch_size=1000,
    )  # fmt: skip
    Certificate.objects.bulk_create(
        [Certificate(user=u, program="observer", code=f"B-{u.pk}", holder_name="b",
                     issued_at=timezone.now()) for u in users],
        batch_size=1000,
    )  # fmt: skip

    started = time.perf_counter()
    proposals = deployment_propose(
        election=election, region_ids=list(Region.objects.values_list("pk", flat=True))
    )
    proposed = time.perf_counter() - started
    created = deployment_apply_proposal(election=election, proposals=proposals, actor=None)
    total = time.perf_counter() - started
    print(f"proposal: {len(proposals)} observers matched in {proposed:.2f} s")
    print(f"applied: {created} deployments written; {total:.2f} s in all")


if __name__ == "__main__":
    main()
