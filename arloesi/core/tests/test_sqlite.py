import os
import subprocess
import sys


def test_sqlite_is_configured_for_safe_concurrent_use(tmp_path):
    """WAL journal, a busy timeout, foreign keys on, IMMEDIATE transactions."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"ARLOESI_DEMO": "1", "ARLOESI_VAR_DIR": str(tmp_path)}
    script = (
        "import django; django.setup();"
        "from django.db import connection;"
        "c = connection.cursor();"
        "print([c.execute(f'PRAGMA {p}').fetchone()[0]"
        " for p in ('journal_mode', 'busy_timeout', 'foreign_keys')]);"
        "print(connection.transaction_mode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env | {"DJANGO_SETTINGS_MODULE": "arloesi.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == ["['wal', 20000, 1]", "IMMEDIATE"]
