"""Writing synthetic rows fast: ``insert_rows`` for the largest tables a generator fills.

``bulk_create`` makes a model instance for every row and prepares every value through the
field machinery; for the hundreds of thousands of scores, status changes and audit events of ten
times all of Wales that was most of the generation time. ``insert_rows`` takes plain dicts and
writes them with ``COPY`` (PostgreSQL) or multi-row ``INSERT`` statements (SQLite): no
instances, no ids back, no signals, no ``save()`` — for benchmark data only, never for the
product's own writes.
"""

from collections.abc import Callable, Iterable
from itertools import batched
from typing import Any

from django.db import connection, models

BATCH_SIZE = 500


def _preparer(field: models.Field) -> Callable[[Any], Any] | None:
    """How a Python value becomes what the database stores; None when it is stored as it is."""
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    if isinstance(field, models.DecimalField | models.JSONField | models.UUIDField):
        return lambda value: field.get_db_prep_save(value, connection=connection)
    return None


def insert_rows(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> int:
    """Insert ``rows`` into ``model``'s table; returns how many.

    Each row gives a value for each field by its attribute name (``assignment_id``, not
    ``assignment``); a field left out gets its default, as with ``bulk_create``. The primary key
    is the database's.
    """
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    preparers = [_preparer(field) for field in fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)

    def values(row: dict[str, Any]) -> list[Any]:
        prepared = []
        for field, prepare in zip(fields, preparers, strict=True):
            value = row[field.attname] if field.attname in row else field.get_default()
            prepared.append(value if prepare is None or value is None else prepare(value))
        return prepared

    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: several times faster than INSERT for the server as well.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(values(row))
                    written += 1
            return written
        one_row = "(" + ", ".join(["%s"] * len(fields)) + ")"
        for batch in batched(rows, BATCH_SIZE):
            params = [value for row in batch for value in values(row)]
            placeholders = ", ".join([one_row] * len(batch))
            # Table and column names come from the model, the values are parameters.
            sql = f"INSERT INTO {table} ({columns}) VALUES {placeholders}"  # noqa: S608
            cursor.execute(sql, params)
            written += len(batch)
    return written
