"""The demo logins: one user per role, username = role name, password `amanat-demo`."""

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.accounts.services import digest_credential_set
from amanat.geography.models import Region

DEMO_PASSWORD = "amanat-demo"  # noqa: S105 - documented demo login, never used in production
# Phone numbers +7701000000N; the observer's is +77010000001 (SMS reports come from it).
DEMO_PHONES = {
    role: number
    for number, role in enumerate(
        [Role.OBSERVER, *[r for r in Role if r != Role.OBSERVER]], start=1
    )
}
# Names as people in Kazakhstan write them (fictional people).
DEMO_NAMES = {
    Role.ADMIN: ("Айдана", "Сейткалиева"),
    Role.COORDINATOR: ("Ерлан", "Садыков"),
    Role.OBSERVER: ("Айгерим", "Омарова"),
    Role.LAWYER: ("Динара", "Касымова"),
    Role.ANALYST: ("Тимур", "Ахметов"),
    Role.MODERATOR: ("Асель", "Жумабаева"),
    Role.MEDIA_MONITOR: ("Бауыржан", "Искаков"),
    Role.EXPERT: ("Сауле", "Тулегенова"),
    Role.JOURNALIST: ("Данияр", "Омаров"),
    Role.CANDIDATE_TEAM: ("Гульнара", "Абенова"),
    Role.CITIZEN: ("Нурлан", "Сулейменов"),
}
# Region-scoped demo users work in Astana; the coordinator coordinates Astana only.
DEMO_REGIONS = {
    Role.COORDINATOR: ["KZ-71"],
    Role.OBSERVER: ["KZ-71"],
    Role.LAWYER: ["KZ-71"],
}


def demo_users_load() -> list[User]:
    users = []
    for role in Role:
        user, _ = User.objects.update_or_create(
            username=role.value,
            defaults={
                "role": role,
                "email": f"{role.value}@demo.amanat.invalid",
                # +77010000001 is the observer's: SMS from it are the observer's reports.
                "phone": f"+7701{DEMO_PHONES[role]:07d}",
                "first_name": DEMO_NAMES[role][0],
                "last_name": DEMO_NAMES[role][1],
                "is_staff": role == Role.ADMIN,
                "is_superuser": role == Role.ADMIN,
                "is_active": True,
            },
        )
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        digest_credential_set(user=user, password=DEMO_PASSWORD)
        user.regions.set(Region.objects.filter(code__in=DEMO_REGIONS.get(role, [])))
        users.append(user)
    return users
