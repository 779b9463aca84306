"""Benchmark: propose and apply deployments for 10,000 certified observers over ~10,000 stations.

Prints the seconds for the proposal and for writing it. Target: under 20 s in all on the
project's 2-core machine.
"""

import time

from data import django_ready, observers_certified, stations_and_election


def main() -> None:
    django_ready()
    from django.core.management import call_command

    from amanat.geography.models import District, Region
    from amanat.observers.services.deployment import (
        deployment_apply_proposal,
        deployment_propose,
    )

    call_command("migrate", verbosity=0)
    election = stations_and_election()
    districts = list(District.objects.values_list("region_id", "pk"))
    observers_certified([districts[i % len(districts)] for i in range(10_000)])

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
