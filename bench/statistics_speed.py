"""Speed of ``GET /api/v2/statistics/`` on PostgreSQL as the incidents grow: 10k → 100k → 1M.

    .venv/bin/python bench/statistics_speed.py [--sizes 10000,100000,1000000] [--requests 100] [--keep]

Uses a PostgreSQL database of its own (``munasara_bench_stats`` on the server of $DATABASE_URL, else
127.0.0.1:5432), created and migrated when missing and dropped at the end (unless --keep). Incidents
are written with COPY (about 85 % verified, spread over 2010–2025, every violation type and
neighbourhood), the monthly summary is rebuilt (``rebuild_statistics_summary``), then each query below
is asked --requests times through Django's test client with the response cache off (``RESPONSE_CACHE``
false): p50/p95 in milliseconds and the SQL queries of one request. The vocabulary labels come from
Django's cache, as in production.

Goals (issue 13): p95 ≤ 150 ms uncached at 100,000 incidents; p95 at 1M ≤ 2 × p95 at 100k.
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _setup import postgres_admin  # noqa: E402 - the bench folder is on the path when run as a script

DATABASE = "munasara_bench_stats"
SEED = 20261201
P95_GOAL_MS = 150
GROWTH_GOAL = 2.0
QUERIES = {
    "no filters": {},
    "locale=en": {"locale": "en"},
    "from/to (partial months)": {"from": "2016-03-17", "to": "2023-09-12"},
    "type + neighbourhood": {"violation_type": "home-demolition", "neighbourhood": "silwan"},
    "all filters": {
        "locale": "fr",
        "from": "2019-01-15",
        "to": "2024-06-20",
        "violation_type": "home-demolition",
        "neighbourhood": "silwan",
    },
}


def configure(keep):
    server = urlsplit(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/munasara")
    try:
        postgres_admin(server, f'CREATE DATABASE "{DATABASE}"')
    except Exception as error:  # noqa: BLE001 - it exists already: reuse it
        if "already exists" not in str(error):
            raise
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=urlunsplit(server._replace(path="/" + DATABASE)),
        RESPONSE_CACHE="false",
        LOG_LEVEL="WARNING",
    )
    os.environ.pop("ELASTICSEARCH_URL", None)
    import django

    django.setup()
    from django.conf import settings

    settings.RESPONSE_CACHE = False
    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    def cleanup():
        from django.db import connections

        connections.close_all()
        if not keep:
            postgres_admin(server, f'DROP DATABASE IF EXISTS "{DATABASE}"')

    return cleanup


def add_incidents(count, start_number):
    """COPY ``count`` incidents into the table, keys numbered from ``start_number``."""
    import datetime

    from django.db import connection
    from django.utils import timezone

    from core.i18n import SOURCE_LANGUAGE
    from core.models import Neighbourhood, ViolationType
    from monitoring.models import Incident

    random_numbers = random.Random(SEED + start_number)
    types = list(ViolationType.objects.filter(locale__language_code=SOURCE_LANGUAGE).values_list("pk", flat=True))
    places = list(Neighbourhood.objects.filter(locale__language_code=SOURCE_LANGUAGE).values_list("pk", flat=True))
    first_day, days = datetime.date(2010, 1, 1), (datetime.date(2025, 12, 31) - datetime.date(2010, 1, 1)).days
    now = timezone.now().isoformat()
    columns = [
        "key",
        "date",
        "violation_type_id",
        "neighbourhood_id",
        "people_affected",
        "children_affected",
        "women_affected",
        "status",
        "created_at",
        "updated_at",
    ]
    table = Incident._meta.db_table
    chunk = 100_000
    for offset in range(0, count, chunk):
        buffer = io.StringIO()
        for number in range(start_number + offset, start_number + min(offset + chunk, count)):
            people = random_numbers.randint(1, 40)
            children = random_numbers.randint(0, people)
            women = random_numbers.randint(0, people)
            status = "verified" if random_numbers.random() < 0.85 else "draft"
            day = first_day + datetime.timedelta(days=random_numbers.randrange(days))
            row = [f"bench-{number}", day.isoformat(), random_numbers.choice(types), random_numbers.choice(places)]
            buffer.write("\t".join(map(str, [*row, people, children, women, status, now, now])) + "\n")
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}")


def measure(requests):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from monitoring.statistics_summary import StatisticsBucket

    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {StatisticsBucket._meta.db_table}")
    client = Client()
    results = {}
    for name, params in QUERIES.items():
        assert client.get("/api/v2/statistics/", params).status_code == 200  # warm the vocabulary cache
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/v2/statistics/", params)
        query_count = len(queries)  # read now: the context reads the connection's log lazily
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get("/api/v2/statistics/", params)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.content
        timings.sort()
        p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
        results[name] = {"p50": statistics.median(timings), "p95": p95, "queries": query_count}
    return results


def check_agreement():
    """The endpoint's totals are the direct count (a benchmark of wrong answers would be worthless)."""
    from django.db.models import Count, Sum
    from django.test import Client

    from monitoring.models import Incident

    direct = Incident.objects.filter(status="verified").aggregate(incidents=Count("pk"), people=Sum("people_affected"))
    totals = Client().get("/api/v2/statistics/").json()["totals"]
    assert (totals["incidents"], totals["people_affected"]) == (direct["incidents"], direct["people"]), (totals, direct)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="incident counts, ascending")
    parser.add_argument("--requests", type=int, default=100, help="requests per query and size")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    cleanup = configure(args.keep)
    try:
        from django.db import connection

        from monitoring.models import Incident
        from monitoring.statistics_summary import rebuild_summary

        with connection.cursor() as cursor:  # a kept database from an earlier run: start again from zero
            cursor.execute(f"TRUNCATE {Incident._meta.db_table} CASCADE")
        by_size = {}
        have = 0
        for size in sizes:
            started = time.perf_counter()
            add_incidents(size - have, have)
            have = size
            buckets = rebuild_summary()
            print(
                f"\n{size:>9,} incidents ({buckets:,} summary rows; loaded + summarised in "
                f"{time.perf_counter() - started:.1f} s)"
            )
            check_agreement()
            by_size[size] = measure(args.requests)
            for name, figures in by_size[size].items():
                print(
                    f"  {name:<26} p50 {figures['p50']:6.1f} ms   p95 {figures['p95']:6.1f} ms   "
                    f"{figures['queries']} SQL queries"
                )
        report(by_size)
    finally:
        cleanup()


def report(by_size):
    print("\nGoals")
    if 100_000 in by_size:
        worst = max(figures["p95"] for figures in by_size[100_000].values())
        verdict = "met" if worst <= P95_GOAL_MS else "MISSED"
        print(f"  p95 at 100,000 incidents (worst query): {worst:.1f} ms — goal ≤ {P95_GOAL_MS} ms: {verdict}")
    if 100_000 in by_size and 1_000_000 in by_size:
        for name in QUERIES:
            growth = by_size[1_000_000][name]["p95"] / by_size[100_000][name]["p95"]
            verdict = "met" if growth <= GROWTH_GOAL else "MISSED"
            print(f"  growth 100k → 1M, {name:<26} × {growth:.2f} — goal ≤ × {GROWTH_GOAL}: {verdict}")
    sizes = sorted(by_size)
    line = " → ".join(f"{size:,}: {max(figures['p95'] for figures in by_size[size].values()):.1f} ms" for size in sizes)
    print(f"  growth line (worst p95): {line}")


if __name__ == "__main__":
    main()
