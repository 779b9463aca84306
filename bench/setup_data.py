"""Data for the load benchmark: stations, today's election, forms, and an observer deployed at
every station (about 10,000), each with an API token and a phone number, as on election day.
Prints the tokens and phones of the first N, who submit, as JSON."""

import json
import sys

from data import (
    deployed_one_per_station,
    django_ready,
    observers_certified,
    stations_and_election,
)

django_ready()

from django.db import connection  # noqa: E402

from amanat.accounts.models import (  # noqa: E402
    ApiToken,
    Certificate,  # noqa: E402
    User,
)
from amanat.geography.models import PollingStation  # noqa: E402
from amanat.observers.models import Deployment, DeploymentStation, Observer  # noqa: E402

count = int(sys.argv[1])
election = stations_and_election()
stations = list(PollingStation.objects.select_related("district").order_by("number"))
observers = observers_certified([(s.district.region_id, None) for s in stations], phones=True)
deployed_one_per_station(election, stations, observers)
users = [observer.user for observer in observers]
keys = [f"bench-token-{user.pk}" for user in users]
ApiToken.objects.bulk_create(
    [ApiToken(user=user, key_hash=ApiToken.hash_key(key), prefix=key[:8])
     for user, key in zip(users, keys, strict=True)], batch_size=2000,
)  # fmt: skip
tokens = [
    {"token": key, "phone": user.phone, "station": station.number}
    for user, key, station in list(zip(users, keys, stations, strict=True))[:count]
]
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, body jsonb)")
    # Statistics for the tables loaded above, as a database that has been running would
    # have them (autovacuum would otherwise catch up during the measurement). Not for the
    # empty report tables: statistics saying "empty" make PostgreSQL plan their lookups
    # (the foreign key checks too) as reads of the whole table until autovacuum sees them
    # grow, which on a live server takes a minute and here would be the whole run.
    loaded = [User, Observer, Certificate, Deployment, DeploymentStation, ApiToken,
              PollingStation]  # fmt: skip
    cursor.execute("ANALYZE " + ", ".join(f'"{model._meta.db_table}"' for model in loaded))
print(json.dumps(tokens))
