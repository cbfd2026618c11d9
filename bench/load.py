"""A mixed load on the site under gunicorn: locust, headless, 50 concurrent users for 60 s.

    .venv/bin/python bench/load.py [--seconds 60] [--users 50] [--cache on|off]

The same server as ``bench/web_speed.py`` (gunicorn, 2 sync workers, production settings, the bench
database ``munasara_bench``, OpenSearch, a Redis of the bench's own), the full-response cache on
unless ``--cache off``. Each user reads pages (home, story index, stories, campaigns), the API
(listing, detail, find by path) and the search (page and API), pausing --wait-min to --wait-max
seconds between requests as a reader would. Prints the requests, errors, req/s and p95 per request
and per group; exits non-zero on any error (a 4xx or 5xx answer, or no answer).
"""

# locust patches the standard library for gevent when imported; it must come before anything that
# opens sockets (the database client included).
import locust  # noqa: I001, F401 - imported first on purpose

import argparse
import itertools
import os
import sys
from pathlib import Path

import gevent
from locust import HttpUser, between, task
from locust.env import Environment
from locust.stats import StatsEntry

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _web_server as server  # noqa: E402

URLS = {}  # Filled by main() before the users start.
GROUPS = {"pages": "page", "API": "api", "search": "search"}


class Reader(HttpUser):
    """One visitor: the weights are how often each kind of request comes, not a scenario."""

    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.cycles = {kind: itertools.cycle(paths) for kind, paths in URLS.items()}

    def get(self, kind, name):
        self.client.get(next(self.cycles[kind]), name=name, headers={"Accept-Language": "ar"})

    @task(2)
    def home(self):
        self.get("home", "page: home")

    @task(2)
    def story_index(self):
        self.get("story index", "page: story index")

    @task(6)
    def story(self):
        self.get("stories", "page: story")

    @task(2)
    def campaign(self):
        self.get("campaigns", "page: campaign")

    @task(2)
    def api_listing(self):
        self.get("api listings", "api: listing")

    @task(3)
    def api_detail(self):
        self.get("api details", "api: detail")

    @task(2)
    def api_find(self):
        self.get("api finds", "api: find by path")

    @task(1)
    def search_page(self):
        self.get("search pages", "search: page")

    @task(1)
    def search_api(self):
        self.get("search api", "search: api")


def run(host, *, users, seconds, spawn_rate, wait=None):
    """Run the load; returns locust's stats."""
    if wait:
        Reader.wait_time = between(*wait)
    environment = Environment(user_classes=[Reader], host=host)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=spawn_rate)
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    return environment.stats


def report(stats, seconds):
    print(f"{'request':<22}{'requests':>9}{'errors':>8}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}")
    entries = sorted(stats.entries.values(), key=lambda entry: entry.name)

    def line(label, entry):
        print(
            f"{label:<22}{entry.num_requests:>9}{entry.num_failures:>8}{entry.num_requests / seconds:>8.1f}"
            f"{entry.get_response_time_percentile(0.5):>8.0f}{entry.get_response_time_percentile(0.95):>8.0f}"
            f"{entry.max_response_time or 0:>8.0f}"
        )

    for entry in entries:
        line(entry.name, entry)
    print()
    for group, prefix in GROUPS.items():
        merged = StatsEntry(stats, group, "GET")
        for entry in entries:
            if entry.name.startswith(prefix + ":"):
                merged.extend(entry)
        line(group, merged)
    line("total", stats.total)
    for error in stats.errors.values():
        print(f"  error ×{error.occurrences}: {error.name}: {error.error}")
    return stats.total.num_failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60, help="Duration of the load (default 60).")
    parser.add_argument("--users", type=int, default=50, help="Concurrent users (default 50).")
    parser.add_argument("--spawn-rate", type=float, default=25, help="Users started per second (default 25).")
    parser.add_argument("--wait-min", type=float, default=0.5, help="Least pause between a user's requests (0.5 s).")
    parser.add_argument("--wait-max", type=float, default=1.5, help="Longest pause (default 1.5 s).")
    parser.add_argument("--cache", choices=("on", "off"), default="on", help="The full-response cache (default on).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2).")
    parser.add_argument("--port", type=int, default=8776, help="gunicorn port (default 8776).")
    args = parser.parse_args()
    if args.seconds <= 0 or args.users < 1 or not 0 <= args.wait_min <= args.wait_max:
        parser.error("--seconds and --users must be positive, and 0 <= --wait-min <= --wait-max.")

    redis_pidfile = server.start_redis()
    try:
        server.setup_django(server.environment())
        server.prepare()
        urls = server.sample_urls()
        URLS.update(urls, home=["/ar/", "/en/"], **{"story index": ["/ar/stories/", "/en/stories/"]})
        from django.db import connections

        connections.close_all()
        env = server.environment(extra=server.response_cache_env(args.cache == "on"))
        process, log = server.start_gunicorn(env, port=args.port, workers=args.workers, label="load")
        try:
            print(
                f"locust: {args.users} users, {args.seconds:g} s, pauses {args.wait_min:g}–{args.wait_max:g} s; "
                f"gunicorn {args.workers} sync workers, response cache {args.cache}",
                flush=True,
            )
            stats = run(
                f"http://127.0.0.1:{args.port}",
                users=args.users,
                seconds=args.seconds,
                spawn_rate=args.spawn_rate,
                wait=(args.wait_min, args.wait_max),
            )
        finally:
            server.stop_gunicorn(process)
    finally:
        server.stop_redis(redis_pidfile)
    errors = report(stats, args.seconds)
    print(f"Load average of the machine (1/5/15 min): {' / '.join(f'{v:.1f}' for v in os.getloadavg())}")
    print(f"\n{'no errors' if not errors else f'{errors} errors'}; server log: {log}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
