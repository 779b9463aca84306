"""The `amanat` console script: Django's management commands, with hyphenated names accepted.

`amanat import-stations FILE.csv` runs the `import_stations` command; every other Django
command (`migrate`, `createsuperuser`, ...) works as with manage.py.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amanat.settings.base")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "amanat"
    if len(argv) > 1 and "-" in argv[1] and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
