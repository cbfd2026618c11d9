"""Throughput and latency of the headless API under gunicorn, beside a bare Django JSON view.

    .venv/bin/python bench/api_speed.py [--stories 10000] [--seconds 10] [--rebuild]

Fills a PostgreSQL database of its own (``munasara_bench`` on the server of $DATABASE_URL, else
127.0.0.1:5432; created when missing, kept between runs and reused while it holds enough stories)
with the demo archive plus --stories published, consented story pages (bulk-created, half Arabic,
half English: ``search_speed.build_stories``). Then it counts the SQL queries of each request with
Django's test client, starts gunicorn with 2 sync workers on production settings (DEBUG off,
``bench/api_settings.py``, which adds the ceiling view ``/bench/ceiling/``) and loads each endpoint
from --concurrency threads: a warm-up, then --seconds measured. Detail and find requests rotate over
200 different stories and send no ``If-None-Match``: nothing is served from a cache.

Goals (issue 9): uncached story detail >= 5% of the ceiling's requests per second; SQL queries per
request: story detail <= 6, list of 20 with fields=* <= 8, navigation <= 3.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _http_load import fetch, load  # noqa: E402
from _setup import ARCHIVE, ROOT, migrate_and_import, postgres_admin  # noqa: E402
from _web_server import report_goals, stop_gunicorn, wait_until_answering  # noqa: E402

SEED = 20261130
ROTATION = 200  # Different stories the detail and find requests cycle through.
QUERY_GOALS = {"story detail": 6, "list of 20, fields=*": 8, "navigation": 3}
CEILING_GOAL = 0.05  # Uncached story detail, as a share of the ceiling's requests per second.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "munasara_api_bench_media"
STATIC_ROOT = Path(tempfile.gettempdir()) / "munasara_api_bench_static"  # Empty: the API serves no static file.


def database_url(name):
    server = urlsplit(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/munasara")
    return server, urlunsplit(server._replace(path="/" + name))


def stories_in(server, name):
    """Story pages in the bench database, or None when it (or its tables) does not exist."""
    import psycopg2

    try:
        connection = psycopg2.connect(
            host=server.hostname, port=server.port or 5432, user=server.username, password=server.password, dbname=name
        )
    except psycopg2.OperationalError:
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM stories_storypage")
            return cursor.fetchone()[0]
    except psycopg2.Error:
        return None
    finally:
        connection.close()


def server_environment(url, conn_max_age):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.api_settings",
        "DATABASE_URL": url,
        "DATABASE_CONN_MAX_AGE": str(conn_max_age),
        "SECRET_KEY": "bench-only-not-secret",
        "FIELD_ENCRYPTION_KEY": "bench-only-field-encryption-key",
        "DEBUG": "false",
        "MEDIA_ROOT": str(MEDIA_ROOT),
        "STATIC_ROOT": str(STATIC_ROOT),
        "LOG_LEVEL": "WARNING",
        "ELASTICSEARCH_URL": "",  # The pages API never uses the engine; the bench needs none.
        "PYTHONPATH": str(ROOT),
    }


def prepare(args, server, name):
    """Build (or reuse) the bench database; return the endpoints' paths."""
    count = None if args.rebuild else stories_in(server, name)
    fresh = count is None or count < args.stories or not MEDIA_ROOT.exists()
    if fresh:
        postgres_admin(server, f'DROP DATABASE IF EXISTS "{name}"')
        postgres_admin(server, f'CREATE DATABASE "{name}"')
        MEDIA_ROOT.mkdir(exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    if fresh:
        from search_speed import build_stories

        migrate_and_import(args.archive)
        build_stories(args.stories, args.archive)
        print(f"Built {name}: demo archive + {args.stories} stories in {time.perf_counter() - started:.0f}s")
    else:
        call_command("migrate", verbosity=0, interactive=False)
        print(f"Reusing {name} ({count} story pages; --rebuild to start again)")
    return endpoint_paths()


def endpoint_paths():
    """``{label: [paths]}``: each endpoint's requests, detail and find over different public stories."""
    from core.visibility import public_pages
    from stories.models import StoryPage

    stories = public_pages(StoryPage.objects.filter(locale__language_code="ar", slug__startswith="bench-"))
    print(f"Public stories: {public_pages(StoryPage.objects.all()).count()}")
    ids = list(stories.values_list("pk", flat=True))
    chosen = StoryPage.objects.filter(pk__in=random.Random(SEED).sample(ids, min(ROTATION, len(ids))))
    html_paths = [story.get_url() for story in chosen]
    return {
        "ceiling (bare Django JSON view)": ["/bench/ceiling/"],
        "story detail": [f"/api/v2/pages/{story.pk}/" for story in chosen],
        "list of 20, fields=*": ["/api/v2/pages/?type=stories.StoryPage&fields=*&limit=20"],
        "navigation": ["/api/v2/navigation/?locale=ar"],
        "find by html_path": ["/api/v2/pages/find/?" + urlencode({"html_path": path}) for path in html_paths],
        "site": ["/api/v2/site/?locale=ar"],
    }


def count_queries(endpoints):
    """SQL queries of one request per endpoint (the second one, so per-process caches are warm)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts, statuses = {}, {}
    for label, paths in endpoints.items():
        client.get(paths[0], follow=True)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(paths[1 % len(paths)], follow=True)
        counts[label], statuses[label] = len(captured), response.status_code
    return counts, statuses


def start_gunicorn(args, environment):
    log = Path(tempfile.gettempdir()) / f"munasara_api_bench_{os.getpid()}.log"
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "cms.wsgi:application",
        f"--workers={args.workers}",
        f"--bind=127.0.0.1:{args.port}",
        f"--chdir={ROOT}",
        "--timeout=120",
        f"--error-logfile={log}",
    ]
    process = subprocess.Popen(command, env=environment, start_new_session=True)
    wait_until_answering(process, f"http://127.0.0.1:{args.port}/bench/ceiling/", log)
    return process, log


def measure(args, endpoints):
    """Load every endpoint in --rounds interleaved rounds, so that a change in the machine's load
    (it is shared) weighs on every row alike; the first round of each endpoint starts with a warm-up."""
    results, skipped = {}, {}
    for label, paths in endpoints.items():
        status, body = fetch("127.0.0.1", args.port, paths[0])
        if status == 404 and label == "navigation":
            skipped[label] = "404: /api/v2/navigation/ is not served by this checkout"
        elif status != 200:
            skipped[label] = f"{status}: {body[:200]!r}"
    for round_number in range(args.rounds):
        for label, paths in endpoints.items():
            if label in skipped:
                continue
            result = load(
                "127.0.0.1",
                args.port,
                paths,
                seconds=args.seconds / args.rounds,
                concurrency=args.concurrency,
                warmup_seconds=args.warmup if round_number == 0 else 0,
            )
            results[label] = results[label].add(result) if label in results else result
        print(f"  round {round_number + 1}/{args.rounds} done", flush=True)
    return results, skipped


def report(results, counts, statuses, skipped, args):
    ceiling = results["ceiling (bare Django JSON view)"].rate
    print()
    print(
        f"gunicorn {args.workers} sync workers, {args.concurrency} client threads, {args.seconds:.0f} s per row "
        f"in {args.rounds} rounds, DATABASE_CONN_MAX_AGE={args.conn_max_age}"
    )
    print(f"{'':<34}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'÷ ceiling':>11}{'SQL/req':>9}  HTTP statuses")
    for label, result in results.items():
        answered = ", ".join(f"{status}×{number}" for status, number in sorted(result.statuses.items()))
        queries = str(counts[label]) if statuses[label] == 200 else f"? ({statuses[label]})"
        print(
            f"{label:<34}{result.rate:>8.1f}{result.p50:>9.1f}{result.p99:>9.1f}"
            f"{result.rate / ceiling:>10.1%} {queries:>8}  {answered}"
        )
    for label, note in skipped.items():
        print(f"{label:<34}  skipped: {note}")
    goals = {}
    if "story detail" in results:
        share = results["story detail"].rate / ceiling
        goals[f"uncached story detail >= {CEILING_GOAL:.0%} of the ceiling ({share:.1%})"] = share >= CEILING_GOAL
    for label, limit in QUERY_GOALS.items():
        if label in counts and label not in skipped and statuses[label] == 200:
            goals[f"{label}: <= {limit} SQL queries ({counts[label]})"] = counts[label] <= limit
    return report_goals(goals)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=10000, help="Story pages to bulk-create (default 10000).")
    parser.add_argument(
        "--database", default="munasara_bench", help="PostgreSQL database name (default munasara_bench)."
    )
    parser.add_argument("--rebuild", action="store_true", help="Drop and rebuild the database even if it is usable.")
    parser.add_argument("--seconds", type=float, default=10, help="Measured seconds per endpoint (default 10).")
    parser.add_argument("--rounds", type=int, default=2, help="Interleaved rounds the seconds are split into (2).")
    parser.add_argument("--warmup", type=float, default=2, help="Warm-up seconds per endpoint (default 2).")
    parser.add_argument("--concurrency", type=int, default=4, help="Client threads (default 4).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2).")
    parser.add_argument("--port", type=int, default=8765, help="gunicorn port (default 8765).")
    parser.add_argument("--conn-max-age", type=int, default=60, help="DATABASE_CONN_MAX_AGE of the server (60).")
    parser.add_argument("--archive", default=str(ARCHIVE), help="The demo archive imported first.")
    args = parser.parse_args()
    if args.stories < 2:
        parser.error("--stories: at least 2")

    if args.rounds < 1:
        parser.error("--rounds: at least 1")
    STATIC_ROOT.mkdir(exist_ok=True)
    server, url = database_url(args.database)
    environment = server_environment(url, args.conn_max_age)
    os.environ.update({key: value for key, value in environment.items() if key != "PYTHONPATH"})
    endpoints = prepare(args, server, args.database)
    counts, statuses = count_queries(endpoints)
    from django.db import connections

    connections.close_all()

    process, log = start_gunicorn(args, environment)
    try:
        results, skipped = measure(args, endpoints)
    finally:
        stop_gunicorn(process)
    return report(results, counts, statuses, skipped, args)


if __name__ == "__main__":
    sys.exit(main())
