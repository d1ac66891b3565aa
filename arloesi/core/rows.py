"""Writing many rows fast: ``insert_rows``.

``bulk_create`` makes a model instance for every row and prepares every value through the
field machinery; for the hundreds of thousands of scores, status changes and audit events of ten
times all of Wales that was most of the benchmark's generation time, and for a series of data
sent through the API it was most of the request. ``insert_rows`` takes plain dicts and writes
them with ``COPY`` (PostgreSQL) or multi-row ``INSERT`` statements (SQLite): no instances, no ids
back, no signals, no ``save()``, no checks. So it is for rows that need none of those: the
benchmark's synthetic data, and the product's audit events of many objects written at once
(``audit.create_many``: rows only ever inserted, whose ids nobody asks for).
"""

import json
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
    if isinstance(field, models.JSONField):
        # The JSON text itself: what the field stores on SQLite, and what COPY reads into a
        # jsonb column (without an adapter object made for each value).
        return lambda value: json.dumps(value, cls=field.encoder)
    if isinstance(field, models.DecimalField | models.UUIDField):
        return lambda value: field.get_db_prep_save(value, connection=connection)
    return None


def _statement_parts(model: type[models.Model], *, with_pk: bool = False):
    fields = [field for field in model._meta.concrete_fields if with_pk or not field.primary_key]
    preparers = [_preparer(field) for field in fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)

    def values(row: dict[str, Any]) -> list[Any]:
        prepared = []
        for field, prepare in zip(fields, preparers, strict=True):
            value = row[field.attname] if field.attname in row else field.get_default()
            prepared.append(value if prepare is None or value is None else prepare(value))
        return prepared

    one_row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    return table, columns, one_row, values


def insert_rows(
    model: type[models.Model], rows: Iterable[dict[str, Any]], *, with_pk: bool = False
) -> int:
    """Insert ``rows`` into ``model``'s table; returns how many.

    Each row gives a value for each field by its attribute name (``assignment_id``, not
    ``assignment``); a field left out gets its default, as with ``bulk_create``. The primary key
    is the database's, unless ``with_pk``: then each row gives its own.
    """
    table, columns, one_row, values = _statement_parts(model, with_pk=with_pk)
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: several times faster than INSERT for the server as well.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(values(row))
                    written += 1
            return written
        for batch in batched(rows, BATCH_SIZE):
            params = [value for row in batch for value in values(row)]
            placeholders = ", ".join([one_row] * len(batch))
            # Table and column names come from the model, the values are parameters.
            sql = f"INSERT INTO {table} ({columns}) VALUES {placeholders}"  # noqa: S608
            cursor.execute(sql, params)
            written += len(batch)
    return written


def insert_rows_returning_ids(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> list:
    """``insert_rows``, giving back each new row's primary key, in the rows' order.

    PostgreSQL: the keys are taken from the table's sequence first, in one query, and the rows
    written with them by ``COPY`` (binding thousands of parameters of one ``INSERT … RETURNING``
    cost twice as long). SQLite: a multi-row ``INSERT … RETURNING``, as ``bulk_create`` does."""
    if connection.vendor == "postgresql":
        rows = list(rows)
        pk = model._meta.pk
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [model._meta.db_table, pk.column, len(rows)],
            )
            ids = [found[0] for found in cursor.fetchall()]
        insert_rows(
            model,
            ({**row, pk.attname: pk_value} for row, pk_value in zip(rows, ids, strict=True)),
            with_pk=True,
        )
        return ids
    table, columns, one_row, values = _statement_parts(model)
    pk = connection.ops.quote_name(model._meta.pk.column)
    ids: list = []
    with connection.cursor() as cursor:
        for batch in batched(rows, BATCH_SIZE):
            params = [value for row in batch for value in values(row)]
            placeholders = ", ".join([one_row] * len(batch))
            # Table and column names come from the model, the values are parameters.
            sql = f"INSERT INTO {table} ({columns}) VALUES {placeholders} RETURNING {pk}"  # noqa: S608
            cursor.execute(sql, params)
            ids.extend(row[0] for row in cursor.fetchall())
    return ids
