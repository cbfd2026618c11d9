"""Fault runs under a light load: the search engine stopped, PostgreSQL restarted, Redis down.

    .venv/bin/python bench/faults.py --dry-run                 # print the plan, touch nothing
    .venv/bin/python bench/faults.py --fault redis             # safe anytime: the bench's own Redis
    .venv/bin/python bench/faults.py --fault engine --via-proxy   # the engine cut behind a forwarder of ours
    .venv/bin/python bench/faults.py --fault all               # stops the real OpenSearch, restarts PostgreSQL

The server is ``bench/web_speed.py``'s (gunicorn, 2 sync workers, production settings with the
response cache on, the bench database, OpenSearch, a Redis of the bench's own on port 6390). Two
client threads send pages, API requests, searches (each a new query, so it reaches the engine) and
``/readyz`` throughout; every answer is recorded with its time. Each fault: --before seconds of
normal load, the fault, then --after seconds once the service is back.

* engine: OpenSearch stopped (its pid file, as ``scripts/services.sh stop`` does, then started again
  with ``scripts/services.sh``). Expected: no 5xx outside the search; the search answers 503 with
  Retry-After; --publish story pages published during the outage are queued (search.IndexUpdate) and
  ``manage.py search_sync`` applies them after the restart (0 pending, and the engine finds them).
* postgres: ``pg_ctlcluster <version> main restart``. Expected: failed answers only between the
  restart and the moment the server accepts connections again (+ --grace), without restarting gunicorn.
* redis: the bench's Redis stopped, then started. Expected: no 5xx, pages served uncached (no X-Cache
  HIT) while it is down, HITs again afterwards.

--via-proxy puts a TCP forwarder of the bench's own in front of OpenSearch (port 9210) and PostgreSQL
(port 5433) and cuts it instead of stopping the service, so other users of the same services are not
disturbed (a cut drops every open connection, as a crash or a restart does). Exit status 1 when an
expectation is not met.
"""

import argparse
import logging
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _web_server as server  # noqa: E402
from _fault_actions import (  # noqa: E402
    OPENSEARCH_PIDFILE,
    engine_answers,
    found_by_search,
    pending,
    postgres_ready,
    postgres_version,
    publish_marked,
    restart_postgres,
    search_sync,
    start_engine,
    stop_engine,
)
from _faults_support import BackgroundLoad, Forwarder  # noqa: E402

ENGINE_PROXY_PORT, POSTGRES_PROXY_PORT = 9210, 5433


def plan(args):
    """What each fault does, in words and commands."""
    via = args.via_proxy
    steps = {
        "redis": [
            f"redis-server --port {server.REDIS_PORT} (the bench's own); gunicorn with REDIS_URL={server.redis_url()}",
            f"load {args.before:g} s; SIGTERM the bench's redis-server; load {args.outage:g} s; start it again; "
            f"load {args.after:g} s",
        ],
        "engine": [
            f"gunicorn with ELASTICSEARCH_URL=http://127.0.0.1:{ENGINE_PROXY_PORT if via else 9200}",
            f"load {args.before:g} s; "
            + (
                f"cut the forwarder :{ENGINE_PROXY_PORT} → :9200"
                if via
                else f"kill -TERM $(cat {OPENSEARCH_PIDFILE}) and wait until :9200 stops answering"
            ),
            f"publish {args.publish} story pages (new revision, title + marker); count their pending IndexUpdate rows",
            f"load {args.outage:g} s; "
            + ("restore the forwarder" if via else "bash scripts/services.sh (starts OpenSearch, ~30–60 s)")
            + "; wait for curl 127.0.0.1:9200/_cluster/health",
            "manage.py search_sync; count pending rows of those pages; search the marker through /api/v2/search/",
            f"load {args.after:g} s",
        ],
        "postgres": [
            f"gunicorn with DATABASE_URL on port {POSTGRES_PROXY_PORT if via else 5432}, "
            f"DATABASE_CONN_MAX_AGE={args.conn_max_age}, CONN_HEALTH_CHECKS={not args.without_conn_health_checks}",
            f"load {args.before:g} s; "
            + (
                f"cut the forwarder :{POSTGRES_PROXY_PORT} → :5432 for {args.outage:g} s, restore it"
                if via
                else f"pg_ctlcluster {postgres_version()} main restart; wait for pg_isready -h 127.0.0.1"
            ),
            f"load {args.after:g} s; failed answers later than {args.grace:g} s after the restart count against it",
        ],
    }
    return steps


# --- the run -------------------------------------------------------------------------------------------------------


def load_mix():
    """``[(group, path)]``: pages, API, searches (``{n}`` made unique per request) and /readyz, interleaved."""
    urls = server.sample_urls()
    kinds = [
        ("pages", ["/ar/", "/en/", "/ar/stories/", "/en/stories/"]),
        ("pages", urls["stories"]),
        ("pages", urls["campaigns"]),
        ("api", urls["api details"]),
        ("api", urls["api finds"]),
        ("api", urls["api listings"]),
        ("search", ["/ar/search/?" + urlencode({"q": "هدم"}) + "+{n}", "/api/v2/search/?q=Jerusalem+{n}&locale=en"]),
        ("health", ["/readyz"]),
    ]
    # 40 of each kind: few enough that the response cache holds them all before the fault.
    return [(group, paths[i % len(paths)]) for i in range(40) for group, paths in kinds]


def run_fault(name, args, mix, forwarder):
    """Start a server for ``name``, load it, cause the fault, restore; (answers, marks, checks, notes)."""
    via = forwarder is not None
    extra = server.response_cache_env(True)
    engine_url = server.ENGINE_URL
    if args.via_proxy:
        engine_url = f"http://127.0.0.1:{ENGINE_PROXY_PORT}"
        extra["DATABASE_URL"] = server.database_url().replace(":5432/", f":{POSTGRES_PROXY_PORT}/")
    extra["ELASTICSEARCH_URL"] = engine_url
    extra["BENCH_CONN_HEALTH_CHECKS"] = "false" if args.without_conn_health_checks else "true"
    env = server.environment(conn_max_age=args.conn_max_age, extra=extra)
    process, log = server.start_gunicorn(env, port=args.port, label=f"faults_{name}")
    load = BackgroundLoad("127.0.0.1", args.port, mix, threads=args.threads)
    checks, notes, marks = {}, [], {}
    try:
        for group, path in dict.fromkeys(mix):  # Fill the response cache as a live site's would be.
            if group != "search":
                load.send(group, path)
        load.start()
        pause(args.before, load, args)
        marks["fault"] = time.monotonic()
        if name == "redis":
            server.stop_redis(args.redis_pidfile)
            pause(args.outage, load, args)
            args.redis_pidfile = server.start_redis()
            marks["back"] = time.monotonic()
            # The cache was emptied by the restart (no persistence): the first answer fills it, the second hits.
            answers = [load.send("pages", "/ar/") for _ in range(2)]
            checks[
                f"served from the cache again once Redis is back (X-Cache {', '.join(str(a.x_cache) for a in answers)})"
            ] = answers[-1].x_cache == "HIT"
        elif name == "engine":
            if via:
                forwarder.cut()
                stopped = True
            else:
                stopped = stop_engine()
            checks["the engine stopped answering"] = stopped and not engine_answers(engine_url)
            page_ids, marker = publish_marked(args.publish)
            queued = pending(page_ids)
            checks[f"{len(page_ids)} pages published during the outage, queued ({queued} pending)"] = queued == len(
                page_ids
            )
            pause(args.outage, load, args)
            if via:
                forwarder.restore()
                back = True
            else:
                back = start_engine()
            marks["back"] = time.monotonic()
            checks["the engine answers again"] = back and engine_answers(engine_url)
            code, output = search_sync(env)
            left = pending(page_ids)
            found = found_by_search(args.port, marker)
            notes.append(f"search_sync (exit {code}): {' '.join(output)}")
            checks[f"queued updates applied after the restart ({left} pending, 0 lost)"] = code == 0 and left == 0
            checks[f"the engine finds the {len(page_ids)} pages published meanwhile ({found})"] = found == len(page_ids)
        elif name == "postgres":
            if via:
                forwarder.cut()
                pause(args.outage, load, args)
                forwarder.restore()
                back = True
            else:
                back = restart_postgres()
            marks["back"] = time.monotonic()
            checks["PostgreSQL accepts connections again (pg_isready)"] = back and postgres_ready()
        pause(args.after, load, args)
    finally:
        load.stop()
        server.stop_gunicorn(process)
        if name == "engine" and not via and not engine_answers():
            start_engine()
        if name == "postgres" and not via and not postgres_ready():
            restart_postgres()
    marks["end"] = time.monotonic()
    notes.append(f"server log: {log}")
    return load.answers, marks, checks, notes


def pause(seconds, load, args):
    """Let the load run; with --verbose, say how many answers came so far every second."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        time.sleep(min(1, left))
        if args.verbose:
            print(f"   … {len(load.answers)} answers", flush=True)


def failed(answer):
    return answer.status == 0 or answer.status >= 500


def analyse(name, answers, marks, checks, args):
    fault, back = marks["fault"], marks["back"]
    during = [a for a in answers if fault <= a.at < back]
    after = [a for a in answers if a.at >= back]
    by_group = {}
    for answer in answers:
        by_group.setdefault(answer.group, Counter())[answer.status] += 1
    if name == "engine":
        outside = [a for a in answers if failed(a) and a.group not in ("search", "health")]
        checks[f"no 5xx or failed answer outside the search ({len(outside)})"] = not outside
        search_during = [a for a in during if a.group == "search"]
        unavailable = [a for a in search_during if a.status == 503]
        checks[
            f"the search answers 503 with Retry-After during the outage ({len(unavailable)}/{len(search_during)})"
        ] = bool(search_during) and all(a.status == 503 and a.retry_after for a in search_during)
        late = [a for a in after if a.group == "search" and a.at > back + args.grace and a.status != 200]
        checks[f"the search answers 200 again after the restart ({len(late)} not)"] = not late
    elif name == "postgres":
        late = [a for a in answers if failed(a) and not fault <= a.at < back + args.grace]
        window = [a for a in answers if failed(a) and fault <= a.at < back + args.grace]
        if late:
            first = min(a.at for a in late) - back
            statuses = Counter(a.status for a in late)
            note = f"{len(late)} failed, from +{first:.1f} s after the restart, {dict(statuses)}"
        else:
            note = "0"
        checks[f"failed answers only during the restart window ({len(window)} in it; outside: {note})"] = not late
        tail = [a for a in answers if a.at >= back + args.after / 2]
        bad = sum(failed(a) for a in tail)
        recovered = f"recovered without restarting gunicorn ({len(tail) - bad}/{len(tail)} OK"
        checks[f"{recovered} from +{args.after / 2:g} s)"] = bool(tail) and not bad
    elif name == "redis":
        five = [a for a in answers if failed(a)]
        checks[f"no 5xx or failed answer ({len(five)})"] = not five
    print(
        f"\n== {name}: {len(answers)} answers; fault at +{fault - answers[0].at:.1f} s, back after {back - fault:.1f} s"
    )
    for group, statuses in sorted(by_group.items()):
        print(f"   {group:<8}" + ", ".join(f"{status or 'no answer'}×{n}" for status, n in sorted(statuses.items())))
    if args.verbose:
        print_timeline(answers, marks)
    return checks


def print_timeline(answers, marks):
    """One line per second of the run: answers, failures, cache hits; F marks the fault, B the service back."""
    start = answers[0].at
    seconds = {}
    for answer in answers:
        seconds.setdefault(int(answer.at - start), []).append(answer)
    for second in range(int(answers[-1].at - start) + 1):
        bucket = seconds.get(second, [])
        flags = "".join(label for label, key in (("F", "fault"), ("B", "back")) if int(marks[key] - start) == second)
        statuses = Counter(answer.status for answer in bucket)
        hits = sum(answer.x_cache == "HIT" for answer in bucket)
        print(f"   +{second:>3}s {flags:<2} {dict(sorted(statuses.items()))} HIT×{hits}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fault", choices=("redis", "engine", "postgres", "all"), default="all")
    parser.add_argument("--dry-run", action="store_true", help="Print the plan; start and stop nothing.")
    parser.add_argument("--via-proxy", action="store_true", help="Cut a forwarder instead of the real service.")
    parser.add_argument("--before", type=float, default=5, help="Seconds of load before the fault (5).")
    parser.add_argument("--outage", type=float, default=5, help="Seconds the service stays down (5; engine: more).")
    parser.add_argument("--after", type=float, default=10, help="Seconds of load once the service is back (10).")
    parser.add_argument("--grace", type=float, default=1, help="Seconds after a restart still counted in it (1).")
    parser.add_argument("--publish", type=int, default=3, help="Pages published during the engine's outage (3).")
    parser.add_argument("--threads", type=int, default=2, help="Client threads of the background load (2).")
    parser.add_argument("--conn-max-age", type=int, default=60, help="DATABASE_CONN_MAX_AGE of the server (60).")
    parser.add_argument(
        "--without-conn-health-checks",
        action="store_true",
        help="Django's CONN_HEALTH_CHECKS off in the server (on in the product's settings), to see the difference.",
    )
    parser.add_argument("--port", type=int, default=8777, help="gunicorn port (default 8777).")
    parser.add_argument("-v", "--verbose", action="store_true", help="Print the answers second by second.")
    args = parser.parse_args()
    faults = ("redis", "engine", "postgres") if args.fault == "all" else (args.fault,)

    steps = plan(args)
    if args.dry_run:
        for name in faults:
            print(f"{name}:")
            for step in steps[name]:
                print(f"  - {step}")
        return 0

    args.redis_pidfile = server.start_redis()
    if args.redis_pidfile is None:
        sys.exit(f"A Redis already answers on port {server.REDIS_PORT}; the bench stops only a server it started.")
    results, forwarders = {}, {}
    engine_url = server.ENGINE_URL
    if args.via_proxy:
        # Started before Django, so that this process (which publishes) reaches the engine the same way.
        forwarders = {"engine": Forwarder(ENGINE_PROXY_PORT, 9200), "postgres": Forwarder(POSTGRES_PROXY_PORT, 5432)}
        for forwarder in forwarders.values():
            forwarder.restore()
        engine_url = f"http://127.0.0.1:{ENGINE_PROXY_PORT}"
    try:
        server.setup_django(server.environment(conn_max_age=0, extra={"ELASTICSEARCH_URL": engine_url}))
        # This process publishes while the engine is down: the client's warnings (with tracebacks) would
        # bury the report; the failures are counted from the queue instead.
        logging.disable(logging.WARNING)
        server.prepare()
        mix = load_mix()
        from django.db import connections

        for name in faults:
            print(f"-- {name}: " + "; ".join(steps[name]), flush=True)
            answers, marks, checks, notes = run_fault(name, args, mix, forwarders.get(name))
            connections.close_all()
            checks = analyse(name, answers, marks, checks, args)
            if name == "redis":
                checks.update(redis_cache_checks(answers, marks))
            for check, met in checks.items():
                print(f"   {'ok ' if met else 'NOT'} {check}")
            for note in notes:
                print(f"   {note}")
            results[name] = all(checks.values())
    finally:
        server.stop_redis(args.redis_pidfile)
    print("\n" + ", ".join(f"{name}: {'passed' if ok else 'FAILED'}" for name, ok in results.items()))
    return 0 if all(results.values()) else 1


def redis_cache_checks(answers, marks):
    """No cache HIT among the pages and API answers while Redis is down (from 1 s in, so none is in flight)."""
    fault, back = marks["fault"], marks["back"]
    during = [a for a in answers if a.group in ("pages", "api") and fault + 1 <= a.at < back]
    hits = sum(a.x_cache == "HIT" for a in during)
    return {f"served uncached while Redis is down ({hits} HIT of {len(during)})": bool(during) and not hits}


if __name__ == "__main__":
    sys.exit(main())
