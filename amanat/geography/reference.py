"""Reference data: Kazakhstan, its 20 first-level units, the CEC and territorial commissions.

Loaded by a data migration, and again after a transactional test has flushed the database.
Takes an app registry so that the migration can pass its historical models.
"""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "kz-regions.csv"
# Adjectival Russian names of the three regions formed in 2022, still common in documents, and
# the Russian names once written with Kazakh letters (files made with them still import).
ALIASES = {
    "KZ-10": ["Абайская область", "Abay Region", "Abai"],
    "KZ-33": ["Жетысуская область", "Zhetysu Region", "Jetisu", "область Жетісу"],
    "KZ-62": ["Улытауская область", "Ulytau", "область Ұлытау"],
}


def kazakhstan_load(apps) -> None:
    Country = apps.get_model("geography", "Country")
    Region = apps.get_model("geography", "Region")
    Commission = apps.get_model("geography", "ElectionCommission")
    kz, _ = Country.objects.update_or_create(
        code="KZ",
        defaults={
            "name": "Казахстан",
            "name_kk": "Қазақстан",
            "name_ru": "Казахстан",
            "name_en": "Kazakhstan",
        },
    )
    central, _ = Commission.objects.update_or_create(
        country=kz,
        level="central",
        code="CEC",
        defaults={
            "name": "Центральная избирательная комиссия Республики Казахстан",
            "name_kk": "Қазақстан Республикасының Орталық сайлау комиссиясы",
            "name_ru": "Центральная избирательная комиссия Республики Казахстан",
            "name_en": "Central Election Commission of the Republic of Kazakhstan",
        },
    )
    with DATA.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            region, _ = Region.objects.update_or_create(
                code=row["code"],
                defaults={
                    "country": kz,
                    "kato": row["kato"],
                    "kind": row["type"],
                    "name": row["name_ru"],
                    "name_kk": row["name_kk"],
                    "name_ru": row["name_ru"],
                    "name_en": row["name_en"],
                    "center": row["center"],
                    "aliases": ALIASES.get(row["code"], []),
                },
            )
            Commission.objects.update_or_create(
                country=kz,
                level="territorial",
                code=row["code"],
                defaults={
                    "parent": central,
                    "region": region,
                    "name": f"Территориальная избирательная комиссия: {row['name_ru']}",
                    "name_kk": f"{row['name_kk']} аумақтық сайлау комиссиясы",
                    "name_ru": f"Территориальная избирательная комиссия: {row['name_ru']}",
                    "name_en": f"Territorial election commission: {row['name_en']}",
                },
            )
