"""The `simpul` command: Django's management commands under one name.

`simpul wilayah import`, `simpul audit verify`, `simpul demo`, `simpul runserver` ...
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["simpul", *sys.argv[1:]])


if __name__ == "__main__":
    main()
