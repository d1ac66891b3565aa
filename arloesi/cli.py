"""The ``arloesi`` command: Django's management commands for this project."""

import os
import sys

# Commands that serve nothing and keep no secret, so they run on any machine as they are, with
# no SECRET_KEY and no database: ``arloesi diagram layout|render FILE.json``, ``arloesi spc``.
TOOLS = ("diagram", "spc")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arloesi.settings")
    if sys.argv[1:2] and sys.argv[1] in TOOLS:
        os.environ.setdefault("ARLOESI_TOOL", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["arloesi", *sys.argv[1:]])


if __name__ == "__main__":
    main()
