"""What a request writes to the database, seen where it leaves Django: every INSERT, UPDATE and
DELETE statement with the values sent with it.

Watching the statements rather than the models catches every way of writing — ``save()``,
``QuerySet.update()``, ``bulk_create``, the audit trail's JSON, a task's arguments, raw SQL —
without knowing the tables in advance.
"""

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection

from arloesi.core.text import has_control_characters

WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
# The fuzz's longest value; nothing that long should ever reach a column.
TOO_LONG = 100_000


@dataclass(frozen=True)
class Write:
    table: str
    sql: str
    params: tuple


@dataclass
class Writes:
    writes: list[Write] = field(default_factory=list)

    def tables(self) -> set[str]:
        return {write.table for write in self.writes}

    def malformed(self) -> list[str]:
        """A line for each value written that holds a control character or is 100,000
        characters or longer (values in JSON, like the audit trail's changes, included)."""
        found = []
        for write in self.writes:
            for value in _texts(write.params):
                if has_control_characters(value):
                    found.append(f"{write.table}: control character in {_shorten(value)!r}")
                elif len(value) >= TOO_LONG:
                    found.append(f"{write.table}: {len(value):,} characters written")
        return found


def _texts(value) -> Iterator[str]:
    """Every string inside a statement's parameters, JSON documents opened up."""
    if isinstance(value, str):
        stripped = value.lstrip()
        if stripped[:1] in ("{", "[", '"'):
            try:
                yield from _texts(json.loads(value))
                return
            except ValueError:
                pass
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from _texts(item)
    elif hasattr(value, "obj"):  # psycopg's Json/Jsonb wrapper (JSONField on PostgreSQL)
        yield from _texts(value.obj)


def _shorten(value: str) -> str:
    return value if len(value) <= 60 else f"{value[:57]}..."


@contextmanager
def recorded_writes() -> Iterator[Writes]:
    """Record the writes of everything run inside the block."""
    recorded = Writes()

    def record(execute, sql, params, many, context):
        match = WRITE.match(sql)
        if match:
            if many:
                # executemany's parameters may be a generator: read it once, pass it on.
                params = [tuple(row) for row in params]
                flat = tuple(value for row in params for value in row)
            elif isinstance(params, dict):
                flat = tuple(params.values())
            else:
                flat = tuple(params or ())
            recorded.writes.append(Write(match.group(1).lower(), sql, flat))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield recorded
