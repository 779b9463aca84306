"""Synthetic polling stations for the demo: about 10,000, in all 20 units, clearly labelled.

Counts follow the rough size of each unit's network; coordinates scatter around its centre.
The generator is seeded, so the same rows come out every time and re-loading changes nothing.
"""

import csv
import io
import random

# ISO code: (stations, latitude and longitude of the administrative centre). Astana comes
# first so that station 1 is in Astana, where the demo coordinator and observer work.
NETWORK = {
    "KZ-71": (380, 51.17, 71.45),
    "KZ-10": (560, 50.41, 80.23),
    "KZ-11": (640, 53.28, 69.39),
    "KZ-15": (500, 50.28, 57.17),
    "KZ-19": (800, 43.87, 77.07),
    "KZ-23": (280, 47.09, 51.92),
    "KZ-27": (470, 51.23, 51.37),
    "KZ-31": (460, 42.90, 71.37),
    "KZ-33": (460, 45.02, 78.37),
    "KZ-35": (600, 49.80, 73.10),
    "KZ-39": (640, 53.21, 63.63),
    "KZ-43": (290, 44.85, 65.51),
    "KZ-47": (220, 43.65, 51.16),
    "KZ-55": (520, 52.29, 76.97),
    "KZ-59": (560, 54.87, 69.15),
    "KZ-61": (1000, 43.30, 68.25),
    "KZ-62": (140, 47.78, 67.71),
    "KZ-63": (560, 49.95, 82.61),
    "KZ-75": (600, 43.24, 76.89),
    "KZ-79": (300, 42.32, 69.59),
}
ABROAD = 68
# Kazakhstan's northern border runs at about 55.4° N: the spread around Petropavl would
# otherwise put stations in Russia, above the edge of the incidents map.
NORTHMOST = 55.3
CITIES = {"KZ-71", "KZ-75", "KZ-79"}
COLUMNS = [
    "number", "region", "district_ru", "district_kk", "district_en",
    "settlement_ru", "settlement_kk", "settlement_en",
    "name_ru", "name_kk", "name_en", "address_ru", "address_kk", "address_en",
    "latitude", "longitude", "registered_voters", "is_abroad", "synthetic",
]  # fmt: skip


def _district(code: str, index: int, city: bool) -> dict[str, str]:
    if city:
        return {
            "district_ru": f"Синтетический район города №{index}",
            "district_kk": f"Қаланың синтетикалық ауданы №{index}",
            "district_en": f"Synthetic city district No. {index}",
        }
    return {
        "district_ru": f"Синтетический район №{index}",
        "district_kk": f"Синтетикалық аудан №{index}",
        "district_en": f"Synthetic district No. {index}",
    }


def _settlement(index: int) -> dict[str, str]:
    return {
        "settlement_ru": f"Синтетическое село №{index}",
        "settlement_kk": f"Синтетикалық ауыл №{index}",
        "settlement_en": f"Synthetic village No. {index}",
    }


def _premises(number: int, rng: random.Random) -> dict[str, str]:
    school = rng.randint(1, 120)
    street = rng.randint(1, 60)
    house = rng.randint(1, 200)
    return {
        "name_ru": f"Школа №{school} (синтетические данные)",
        "name_kk": f"№{school} мектеп (синтетикалық деректер)",
        "name_en": f"School No. {school} (synthetic data)",
        "address_ru": f"Улица Демонстрационная {street}, дом {house}",
        "address_kk": f"Демонстрациялық көшесі {street}, {house}-үй",
        "address_en": f"{house} Demonstration Street {street}",
    }


def synthetic_station_rows(seed: int = 2022) -> list[dict[str, str]]:
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    rows = []
    number = 0
    for code, (count, lat, lon) in NETWORK.items():
        city = code in CITIES
        districts = 8 if city else max(4, count // 60)
        spread = 0.12 if city else 1.2
        for i in range(count):
            number += 1
            district_index = i % districts + 1
            row = {"number": str(number), "region": code, **_district(code, district_index, city)}
            if not city:
                row.update(_settlement(rng.randint(1, 12)))
            row.update(_premises(number, rng))
            row["latitude"] = f"{min(lat + rng.uniform(-spread, spread), NORTHMOST):.6f}"
            row["longitude"] = f"{lon + rng.uniform(-spread, spread) * 1.5:.6f}"
            row["registered_voters"] = str(
                rng.randint(150, 3000) if not city else rng.randint(1200, 3000)
            )
            row["is_abroad"] = "0"
            row["synthetic"] = "1"
            rows.append(row)
    for _ in range(ABROAD):
        number += 1
        rows.append(
            {
                "number": str(number),
                "region": "KZ-71",
                "district_ru": "Зарубежные участки",
                "district_kk": "Шетелдегі учаскелер",
                "district_en": "Stations abroad",
                **_premises(number, rng),
                "registered_voters": str(rng.randint(50, 900)),
                "is_abroad": "1",
                "synthetic": "1",
            }
        )
    return rows


def synthetic_station_csv(seed: int = 2022) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(synthetic_station_rows(seed))
    return buffer.getvalue()
