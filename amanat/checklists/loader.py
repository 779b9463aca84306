"""Loading checklist forms from TOML (content/forms.toml). A form whose questions changed gets
a new version; an unchanged form keeps its version, so reloading is harmless."""

import tomllib
from pathlib import Path

from django.db import transaction

from amanat.core.memo import memo_clear

from .models import ChecklistForm, FormVersion, Question
from .relations import relation_definition_check
from .services import FORM_CODE

CONTENT = Path(__file__).resolve().parent / "content" / "forms.toml"
LANGS = ("kk", "ru", "en")
FORBIDDEN_CODE_LETTERS = set("ILO")  # easily misread as 1 and 0 on a phone keyboard


def _definition(items: list[dict]) -> list[dict]:
    definition = []
    for position, item in enumerate(items, start=1):
        if FORBIDDEN_CODE_LETTERS & set(item["code"].upper()):
            raise ValueError(f"question code {item['code']} uses I, L or O")
        definition.append(
            {
                "code": item["code"].upper(),
                "position": position,
                "kind": item["kind"],
                "text": {lang: item["text"][lang] for lang in LANGS},
                "minimum": item.get("min"),
                "maximum": item.get("max"),
                "choices": [
                    {"value": c["value"], "label": {lang: c[lang] for lang in LANGS}}
                    for c in item.get("choices", [])
                ],
                "relevant_if": item.get("relevant_if", {}),
                "critical_if": item.get("critical_if", {}),
            }
        )
    return definition


def _version_definition(version: FormVersion) -> list[dict]:
    return [
        {
            "code": q.code,
            "position": q.position,
            "kind": q.kind,
            "text": {lang: getattr(q, f"text_{lang}") for lang in LANGS},
            "minimum": q.minimum,
            "maximum": q.maximum,
            "choices": q.choices,
            "relevant_if": q.relevant_if,
            "critical_if": q.critical_if,
        }
        for q in version.questions.order_by("position")
    ]


@transaction.atomic
def form_load(data: dict) -> FormVersion:
    if not FORM_CODE.fullmatch(data["code"]):
        raise ValueError(f"form code {data['code']!r}: up to 8 letters and digits")
    memo_clear()  # this worker sees the new version at once
    form, _ = ChecklistForm.objects.update_or_create(
        code=data["code"].upper(),
        defaults={"phase": data["phase"], **{f"name_{lang}": data["name"][lang] for lang in LANGS}},
    )
    definition = _definition(data["questions"])
    relations = data.get("relations", [])
    for relation in relations:
        relation_definition_check(relation, {item["code"] for item in definition})
    current = form.versions.order_by("-number").first()
    if (
        current is not None
        and _version_definition(current) == definition
        and current.relations == relations
    ):
        return current
    version = FormVersion.objects.create(
        form=form, number=(current.number + 1) if current else 1, relations=relations
    )
    Question.objects.bulk_create(
        Question(
            version=version,
            code=item["code"],
            position=item["position"],
            kind=item["kind"],
            minimum=item["minimum"],
            maximum=item["maximum"],
            choices=item["choices"],
            relevant_if=item["relevant_if"],
            critical_if=item["critical_if"],
            **{f"text_{lang}": item["text"][lang] for lang in LANGS},
        )
        for item in definition
    )
    return version


def forms_load_all(path: Path = CONTENT) -> list[FormVersion]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [form_load(item) for item in data["forms"]]
