"""Data for the load benchmark: stations, today's election, forms, N deployed observers with
API tokens and phone numbers. Prints the tokens and phones as JSON."""

import json
import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from amanat.accounts.models import ApiToken, User  # noqa: E402
from amanat.checklists.loader import forms_load_all  # noqa: E402
from amanat.demo.elections import demo_election_load  # noqa: E402
from amanat.demo.stations import synthetic_station_csv  # noqa: E402
from amanat.geography.models import PollingStation  # noqa: E402
from amanat.geography.selectors import country_default  # noqa: E402
from amanat.geography.services import stations_import_text  # noqa: E402
from amanat.observers.models import Deployment, DeploymentStation, Observer  # noqa: E402
from amanat.training.models import Certificate  # noqa: E402

count = int(sys.argv[1])
stations_import_text(text=synthetic_station_csv(), country=country_default())
election = demo_election_load(country_default())
forms_load_all()
stations = list(PollingStation.objects.select_related("district").order_by("number")[:count])
users = [User(username=f"bench{i}", role="observer", phone=f"+7702{i:07d}") for i in range(count)]
for user in users:
    user.set_unusable_password()
User.objects.bulk_create(users)
observers = Observer.objects.bulk_create(
    [Observer(user=u, region_id=s.district.region_id) for u, s in zip(users, stations, strict=True)]
)
Certificate.objects.bulk_create(
    [Certificate(user=u, program="observer", code=f"B{u.pk}", holder_name="b",
                 issued_at=timezone.now()) for u in users]
)  # fmt: skip
deployments = Deployment.objects.bulk_create(
    [Deployment(election=election, observer=o, kind="stationary") for o in observers]
)
DeploymentStation.objects.bulk_create(
    [DeploymentStation(deployment=d, station=s, election=election)
     for d, s in zip(deployments, stations, strict=True)]
)  # fmt: skip
tokens = []
for user, station in zip(users, stations, strict=True):
    key = f"bench-token-{user.pk}"
    ApiToken.objects.create(user=user, key_hash=ApiToken.hash_key(key), prefix=key[:8])
    tokens.append({"token": key, "phone": user.phone, "station": station.number})
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, body jsonb)")
print(json.dumps(tokens))
