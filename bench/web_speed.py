"""Throughput and latency of the public pages and the API under gunicorn, uncached and cached, beside a
bare Django template view served by the same server.

    .venv/bin/python bench/web_speed.py [--seconds 5] [--only uncached|cached]

The server: gunicorn with 2 sync workers (``--workers``) on production settings (DEBUG off,
``bench/web_settings.py``, which adds ``/bench/bare/`` from ``bench/web_urls.py``) over the bench
database ``munasara_bench`` (the demo plus 10,000 stories, see ``bench/_web_server.py``), the engine
(OpenSearch, index prefix ``munasara_bench_web_``) and a Redis of the bench's own as Django's cache.
It is started twice: without the full-response cache, then with it. For each row, --concurrency
client threads (4) with a fresh connection per request: every distinct URL fetched once, a warm-up,
then --seconds measured. Story pages, campaign pages, API details and searches rotate over many URLs.

Goals (issue 10): cached anonymous pages >= 50% of the bare view's requests per second; uncached
story page >= 150 req/s. Exit status 1 when one is not met.
"""

import argparse
import http.client
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _web_server as server  # noqa: E402
from _http_load import fetch, load  # noqa: E402

BARE = "bare Django template view"
# Issue 10's measurements before the work (req/s, same machine): label -> text for the table.
BASELINES = {"home": "54–64", "story index": "66", "story page": "67–76"}
STORY_GOAL = 150.0  # Uncached story page, req/s.
CACHED_SHARE_GOAL = 0.5  # Cached anonymous pages, share of the bare view's req/s.
PAGES = ("home", "story index", "story page", "campaign page", "search page")


def bench_paths():
    """``{label: [paths]}``, the bare view first."""
    urls = server.sample_urls()
    return {
        BARE: ["/bench/bare/"],
        "home": ["/ar/"],
        "story index": ["/ar/stories/"],
        "story page": urls["stories"],
        "campaign page": urls["campaigns"],
        "search page": urls["search pages"],
        "API detail": urls["api details"],
    }


def cache_header(port, path):
    """The X-Cache header of one GET (None when the server sends none)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = connection.getresponse()
        response.read()
        return response.getheader("X-Cache")
    finally:
        connection.close()


def measure(args, paths, label):
    """Load every row once on a server started for this configuration."""
    env = server.environment(extra=server.response_cache_env(label == "cached"))
    process, log = server.start_gunicorn(env, port=args.port, workers=args.workers)
    results, notes = {}, {}
    try:
        # Every distinct URL once before any measurement, from as many threads as the load: this fills
        # the cache (if any) and gets past each worker's first requests (imports, template loading).
        for row, row_paths in paths.items():
            repeated = row_paths * max(1, 4 * args.workers // len(row_paths))
            with ThreadPoolExecutor(args.concurrency) as pool:
                statuses = {
                    status for status, _body in pool.map(lambda path: fetch("127.0.0.1", args.port, path), repeated)
                }
            if statuses != {200}:
                notes[row] = f"first fetches answered {sorted(statuses)}"
            headers = {cache_header(args.port, path) for path in row_paths[:5]}
            notes.setdefault(row, "X-Cache: " + ", ".join(sorted(str(header) for header in headers)))
        for row, row_paths in paths.items():
            results[row] = load(
                "127.0.0.1",
                args.port,
                row_paths,
                seconds=args.seconds,
                concurrency=args.concurrency,
                warmup_seconds=args.warmup,
            )
            print(f"  {label:<9}{row:<28}{results[row].rate:>8.1f} req/s", flush=True)
    finally:
        server.stop_gunicorn(process)
    return results, notes


def report(args, runs):
    print()
    print(f"Load average (1/5/15 min, 2 shared cores): {' / '.join(f'{v:.1f}' for v in os.getloadavg())}")
    print(
        f"gunicorn {args.workers} sync workers, {args.concurrency} client threads (fresh connection per request, "
        f"same machine), {args.seconds:g} s per row after {args.warmup:g} s warm-up; PostgreSQL, OpenSearch, Redis"
    )
    header = f"{'':<28}"
    for label in runs:
        header += f"{label + ' req/s':>17}{'p50':>7}{'p99 ms':>8}{'÷ bare':>8}"
    print(header + f"{'baseline':>10}")
    for row in next(iter(runs.values()))[0]:
        line = f"{row:<28}"
        for results, _notes in runs.values():
            result, bare = results[row], results[BARE].rate
            line += f"{result.rate:>17.1f}{result.p50:>7.1f}{result.p99:>8.1f}{result.rate / bare:>8.1%}"
        print(line + f"{BASELINES.get(row, ''):>10}")
    print()
    for label, (results, notes) in runs.items():
        for row, result in results.items():
            odd = {status: n for status, n in result.statuses.items() if status != 200}
            print(f"  {label} {row}: {notes.get(row, '')}" + (f"; non-200 answers {odd}" if odd else ""))
    goals = {}
    if "uncached" in runs:
        rate = runs["uncached"][0]["story page"].rate
        goals[f"uncached story page >= {STORY_GOAL:.0f} req/s ({rate:.1f})"] = rate >= STORY_GOAL
    if "cached" in runs:
        results = runs["cached"][0]
        for row in PAGES:
            share = results[row].rate / results[BARE].rate
            goals[f"cached {row} >= {CACHED_SHARE_GOAL:.0%} of bare ({share:.1%})"] = share >= CACHED_SHARE_GOAL
    errors = sum(n for results, _ in runs.values() for r in results.values() for s, n in r.statuses.items() if s >= 500)
    goals[f"no 5xx answer ({errors})"] = errors == 0
    return server.report_goals(goals)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5, help="Measured seconds per row (default 5).")
    parser.add_argument("--warmup", type=float, default=1, help="Warm-up seconds per row (default 1).")
    parser.add_argument("--concurrency", type=int, default=4, help="Client threads (default 4).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2).")
    parser.add_argument("--port", type=int, default=8775, help="gunicorn port (default 8775).")
    parser.add_argument("--only", choices=("uncached", "cached"), help="Run one configuration only.")
    args = parser.parse_args()
    if args.seconds <= 0 or args.concurrency < 1 or args.workers < 1:
        parser.error("--seconds, --concurrency and --workers must be positive.")

    redis_pidfile = server.start_redis()
    try:
        server.setup_django(server.environment())
        server.prepare()
        paths = bench_paths()
        from django.db import connections

        connections.close_all()
        runs = {}
        for label in ("uncached", "cached"):
            if args.only in (None, label):
                runs[label] = measure(args, paths, label)
    finally:
        server.stop_redis(redis_pidfile)
    return report(args, runs)


if __name__ == "__main__":
    sys.exit(main())
