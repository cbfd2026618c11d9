"""Replay what an expensive fixture wrote to the database instead of building it again.

``site_structure`` (locales, the three home pages, every section, workflows, vocabulary) costs
about 4,000 queries and 3 s on PostgreSQL through Wagtail's page API. Most tests start from it, so
the suite spent most of its time rebuilding the same rows. The first build in a session is real;
it records the rows of every table the build changed. Later tests that start from the same
database state get those rows copied back (PostgreSQL ``COPY``, SQLite inserts): the same ids,
revisions, log entries, search index rows and outbox entries the build wrote.

A replay happens only when it gives the test exactly what a build would:
- inside the test's transaction (a ``transaction=True`` test builds for real, so commit hooks such
  as the search outbox run as they would);
- from the same starting state (every table's row count, and the contents of the tables the build
  changes, equal those the first build started from);
- under the same settings the build reads (languages, whether a search engine is configured).
Otherwise the fixture builds, and the result is the same rows either way.
"""

import io
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction


@dataclass
class Snapshot:
    counts_before: dict  # table -> row count before the build
    before: dict = field(default_factory=dict)  # table -> its rows before, for changed tables that had rows
    after: dict = field(default_factory=dict)  # table -> its rows after, for every table the build changed
    summary: object = None  # what ``summarise`` made of the build's result


_snapshots = {}


def _tables():
    return sorted(connection.introspection.table_names(include_views=False))


def _quote(name):
    return connection.ops.quote_name(name)


def _counts(tables):
    query = " UNION ALL ".join(f"SELECT '{table}', COUNT(*) FROM {_quote(table)}" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(query)
        return dict(cursor.fetchall())


def _dump(table):
    if connection.vendor == "postgresql":
        buffer = io.StringIO()
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY {_quote(table)} TO STDOUT", buffer)
        return buffer.getvalue()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {_quote(table)}")
        columns = [column[0] for column in cursor.description]
        return columns, cursor.fetchall()


def _load(table, dump):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_quote(table)}")
        if connection.vendor == "postgresql":
            cursor.cursor.copy_expert(f"COPY {_quote(table)} FROM STDIN", io.StringIO(dump))
            return
        columns, rows = dump
        if rows:
            names = ", ".join(_quote(column) for column in columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", rows)


def _raise_sequences(tables):
    """Move each replayed table's id sequence past the ids just loaded, never back.

    Within a session PostgreSQL's sequences only grow, so a page made after a replay never takes the
    id of a page an earlier test made (the search engine's index outlives each test's rollback).
    """
    if connection.vendor != "postgresql":
        return  # SQLite's AUTOINCREMENT follows the highest id inserted
    from django.apps import apps

    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table, pk = model._meta.db_table, model._meta.pk
            if table not in tables or pk.get_internal_type() not in ("AutoField", "BigAutoField", "SmallAutoField"):
                continue
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [_quote(table), pk.column])
            (sequence,) = cursor.fetchone()
            if sequence:
                cursor.execute(
                    f"SELECT setval(%s, GREATEST((SELECT COALESCE(MAX({_quote(pk.column)}), 1) FROM {_quote(table)}),"
                    f" (SELECT last_value FROM {sequence})))",
                    [sequence],
                )


def _settings_key(name):
    return (
        name,
        connection.vendor,
        connection.settings_dict["NAME"],
        repr(settings.LANGUAGES),
        repr(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None)),
        settings.LANGUAGE_CODE,
        # With an engine configured the build also queues index updates (search/outbox.py).
        repr(sorted(getattr(settings, "WAGTAILSEARCH_BACKENDS", {}))),
    )


def _same_rows(dump_a, dump_b):
    """Whether two dumps hold the same rows, in whatever order the database returned them."""
    if connection.vendor == "postgresql":
        return sorted(dump_a.splitlines()) == sorted(dump_b.splitlines())
    return dump_a[0] == dump_b[0] and sorted(map(repr, dump_a[1])) == sorted(map(repr, dump_b[1]))


def _replay(snapshot):
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, dump in snapshot.after.items():
            _load(table, dump)
        _raise_sequences(set(snapshot.after))


def build_or_replay(name, build, summarise, expand, after_replay=None):
    """Run ``build()`` (which writes to the database) or replay the rows an earlier run of it wrote.

    ``summarise(result)`` turns the build's result into plain data (ids), recorded with the rows;
    after a replay the result is ``expand(summary)``, the same objects looked up again.
    ``after_replay()`` redoes what the build leaves in the process rather than the database.
    """
    if not connection.in_atomic_block:
        return build()
    key = _settings_key(name)
    tables = _tables()
    counts = _counts(tables)
    snapshot = _snapshots.get(key)
    if snapshot is not None:
        same_start = snapshot.counts_before == counts and all(
            _same_rows(_dump(table), rows) for table, rows in snapshot.before.items()
        )
        if same_start:
            _replay(snapshot)
            if after_replay is not None:
                after_replay()
            return expand(snapshot.summary)
        return build()
    # The first build in this session under these settings: record what it changes.
    before = {table: _dump(table) for table in tables if counts[table]}
    result = build()
    counts_after = _counts(tables)
    snapshot = Snapshot(counts_before=counts, summary=summarise(result))
    for table in tables:
        if not counts[table] and not counts_after[table]:
            continue
        after = _dump(table)
        if table in before and _same_rows(before[table], after):
            continue
        snapshot.after[table] = after
        if table in before:
            snapshot.before[table] = before[table]
    _snapshots[key] = snapshot
    return result
