"""Timeline events keep codes, not sentences (timeline.py): existing rows whose text is one of
our sentences in kk, ru or en get the codes back; rows that match nothing keep their text."""

import re

from django.db import migrations, models
from django.utils import translation

LANGUAGES = ("kk", "ru", "en")


def _candidates(event) -> list[dict]:
    from amanat.incidents.models import Referral, Report
    from amanat.legal.complaints import Body

    kind = event.kind
    if kind == "status":
        return [{"status": code} for code in Report.Status.values]
    if kind == "merged":
        return [{}] + [{"count": int(n)} for n in re.findall(r"\d+", event.text)]
    if kind == "assigned":
        who = event.report.assigned_to
        return [{"who": who.username}] if who else []
    if kind == "referred":
        return [{"body": code} for code in Body.values]
    if kind == "answer":
        return [{"body": b, "outcome": o} for b in Body.values for o in Referral.Outcome.values]
    return [{}] if kind in {"received", "published", "added"} else []


def convert(apps, schema_editor):
    from amanat.incidents.timeline import event_message

    Event = apps.get_model("incidents", "TimelineEvent")
    for event in Event.objects.filter(params__isnull=True).select_related("report__assigned_to"):
        if event.kind in {"note", "reporter_added"}:
            event.params = {}
            event.save(update_fields=["params"])
            continue
        for params in _candidates(event):
            sentences = set()
            for language in LANGUAGES:
                with translation.override(language):
                    sentences.add(event_message(event.kind, params, ""))
            if event.text.strip() in sentences:
                event.params, event.text = params, ""
                event.save(update_fields=["params", "text"])
                break


class Migration(migrations.Migration):
    dependencies = [("incidents", "0004_response")]
    operations = [
        migrations.AddField(
            model_name="timelineevent",
            name="params",
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.RunPython(convert, migrations.RunPython.noop),
    ]
