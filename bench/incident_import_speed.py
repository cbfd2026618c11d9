"""Speed of ``import_incidents``: a CSV file of 10,000 incidents, checked and written, in rows per second.

    .venv/bin/python bench/incident_import_speed.py [--rows 10000] [--keep]

Uses a PostgreSQL database of its own (``munasara_bench_incident_import`` on the server of $DATABASE_URL,
else 127.0.0.1:5432), created and migrated when missing and dropped at the end (unless --keep); the search
index is the database's (no engine needed). The file is generated (every violation type and
neighbourhood, Arabic and English descriptions, a public and a confidential source per row) and imported
three times through ``monitoring.csv_import.import_csv``, as the command and the admin do:

1. new incidents (checked, then created in bulk), with --publish semantics (verified);
2. the same file again (checked, nothing written: idempotent);
3. the file with every count changed (checked, every incident updated).

Each pass prints its time and rows/s for the check and the whole import.
"""

import argparse
import csv
import io
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _setup import postgres_admin  # noqa: E402 - the bench folder is on the path when run as a script

DATABASE = "munasara_bench_incident_import"
SEED = 20261201


def configure():
    server = urlsplit(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/munasara")
    try:
        postgres_admin(server, f'CREATE DATABASE "{DATABASE}"')
    except Exception as error:  # noqa: BLE001 - it exists already: reuse it
        if "already exists" not in str(error):
            raise
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=urlunsplit(server._replace(path="/" + DATABASE)),
        LOG_LEVEL="WARNING",
    )
    os.environ.pop("ELASTICSEARCH_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return server


def make_csv(rows, people_offset=0):
    from core.i18n import SOURCE_LANGUAGE
    from core.models import Neighbourhood, ViolationType
    from monitoring.csv_format import all_columns

    numbers = random.Random(SEED)
    types = list(ViolationType.objects.filter(locale__language_code=SOURCE_LANGUAGE).values_list("slug", flat=True))
    places = list(Neighbourhood.objects.filter(locale__language_code=SOURCE_LANGUAGE).values_list("slug", flat=True))
    out = io.StringIO(newline="")
    columns = [name for name in all_columns() if name != "status"]
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for number in range(rows):
        people = numbers.randint(1, 40) + people_offset
        children = numbers.randint(0, people)
        writer.writerow(
            {
                "key": f"bench-{number:06d}",
                "date": f"{numbers.randint(2010, 2025)}-{numbers.randint(1, 12):02d}-{numbers.randint(1, 28):02d}",
                "violation_type": numbers.choice(types),
                "neighbourhood": numbers.choice(places),
                "people_affected": people,
                "children_affected": children,
                "women_affected": numbers.randint(0, people - children),
                "description_ar": f"هدم منزل عائلة في الحي، رقم {number}، بحجة البناء دون ترخيص.",
                "description_en": f"A family home was demolished, number {number}, for lack of a building permit.",
                "sources": f"field-visit: visit {number}",
                "confidential_sources": f"family-testimony: witness {number}",
            }
        )
    return out.getvalue().encode("utf-8")


def timed_import(label, content, rows, **options):
    from monitoring.csv_format import decode, read_rows
    from monitoring.importing import write_records

    started = time.perf_counter()
    records = read_rows(decode(content))
    checked = time.perf_counter()
    result = write_records(records, **options)
    finished = time.perf_counter()
    check_seconds, total_seconds = checked - started, finished - started
    print(
        f"{label:<34} check {check_seconds:6.2f} s ({rows / check_seconds:8.0f} rows/s)   "
        f"total {total_seconds:6.2f} s ({rows / total_seconds:8.0f} rows/s)   "
        f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}"
    )
    return rows / total_seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()
    server = configure()
    try:
        from django.db import connection

        from monitoring.models import Incident

        with connection.cursor() as cursor:  # a kept database from an earlier run: start empty
            cursor.execute(f'TRUNCATE "{Incident._meta.db_table}" CASCADE')
        content = make_csv(args.rows)
        print(f"CSV import of {args.rows} incidents ({len(content) / 1e6:.1f} MB), PostgreSQL:")
        first = timed_import("1. new (verified)", content, args.rows, verify=True)
        timed_import("2. same file again (idempotent)", content, args.rows, verify=True)
        timed_import("3. every count changed (updates)", make_csv(args.rows, people_offset=1), args.rows, verify=True)
        print(f"rows/s for a {args.rows}-row import of new incidents: {first:.0f}")
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            postgres_admin(server, f'DROP DATABASE IF EXISTS "{DATABASE}"')


if __name__ == "__main__":
    main()
