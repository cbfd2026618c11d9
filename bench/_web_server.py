"""Shared by the web benchmarks (web_speed, load, faults): the bench database, the engine index, the
static files, a Redis of the bench's own, and gunicorn on production settings (``bench/web_settings.py``).

The database is ``munasara_bench`` (built by ``bench/api_speed.py``: the demo archive plus 10,000
stories); the first run adds the demo site's campaigns and units (``load_demo``, which updates in
place) and indexes the database into the engine under the prefix ``munasara_bench_web_``.
"""

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE = "munasara_bench"
ENGINE_URL = os.environ.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9200"
INDEX_PREFIX = "munasara_bench_web_"
MEDIA_ROOT = Path(tempfile.gettempdir()) / "munasara_api_bench_media"  # Shared with api_speed.
STATIC_ROOT = Path(tempfile.gettempdir()) / "munasara_web_bench_static"
REDIS_PORT = 6390  # Not Redis' default port: the bench's own server, started and stopped by the bench.
SEED = 20261130
ROTATION = 200  # Different stories the story and API requests cycle through.
SEARCH_WORDS = {"ar": ["هدم", "القدس", "سلوان", "اعتقال", "الشيخ جراح"], "en": ["demolition", "Jerusalem", "permit"]}
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def database_url(name=DATABASE):
    server = urlsplit(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/munasara")
    return urlunsplit(server._replace(path="/" + name))


def redis_url(port=REDIS_PORT):
    return f"redis://127.0.0.1:{port}/1"


def response_cache_env(on):
    """The setting that turns the full-response cache (cms/response_cache.py) on or off."""
    return {"RESPONSE_CACHE": "true" if on else "false"}


def environment(*, conn_max_age=60, extra=None):
    """The server's environment: production settings, DEBUG off, the bench database, the engine, and
    Django's cache in the bench's Redis; ``extra`` overrides."""
    values = {
        **os.environ,
        # Another settings module (one that imports bench.web_settings) through $BENCH_WEB_SETTINGS.
        "DJANGO_SETTINGS_MODULE": os.environ.get("BENCH_WEB_SETTINGS") or "bench.web_settings",
        "DATABASE_URL": database_url(),
        "DATABASE_CONN_MAX_AGE": str(conn_max_age),
        "SECRET_KEY": "bench-only-not-secret",
        "FIELD_ENCRYPTION_KEY": "bench-only-field-encryption-key",
        "DEBUG": "false",
        "MEDIA_ROOT": str(MEDIA_ROOT),
        "STATIC_ROOT": str(STATIC_ROOT),
        "LOG_LEVEL": "WARNING",
        "ELASTICSEARCH_URL": ENGINE_URL,
        "ELASTICSEARCH_ENGINE": os.environ.get("ELASTICSEARCH_ENGINE") or "opensearch2",
        "ELASTICSEARCH_INDEX_PREFIX": INDEX_PREFIX,
        "REDIS_URL": redis_url(),
        "CACHE_URL": "",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    values.update(extra or {})
    return values


def setup_django(env):
    """Point this process at the bench settings and start Django (once)."""
    os.environ.update({key: value for key, value in env.items() if key != "PYTHONPATH"})
    import django

    django.setup()


def prepare():
    """Make the bench database and engine index usable by the pages; idempotent and quick once done."""
    from django.core.management import call_command

    from campaigns.models import CampaignPage
    from stories.models import StoryPage

    def say(message):
        print(message, flush=True)

    if StoryPage.objects.count() < 1000:
        sys.exit(f"{DATABASE} holds too few stories: build it first with `.venv/bin/python bench/api_speed.py`.")
    call_command("migrate", verbosity=0, interactive=False)
    # Planner statistics: after a bulk load they can be missing until autovacuum comes by, and then
    # PostgreSQL plans the visibility conditions for a handful of rows (seconds per listing).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    manifest = STATIC_ROOT / "staticfiles.json"
    if not manifest.exists() or _static_sources_newer_than(manifest.stat().st_mtime):
        say("collectstatic (production storage: hashed, compressed) …")
        STATIC_ROOT.mkdir(exist_ok=True)
        call_command("collectstatic", verbosity=0, interactive=False)
    # The index first: load_demo then reaches it through the outbox like any publication.
    if not _index_exists():
        say(f"Indexing the bench database into the engine under {INDEX_PREFIX}* (update_index) …")
        started = time.perf_counter()
        call_command("update_index", backend_name="public", verbosity=0)
        say(f"  indexed in {time.perf_counter() - started:.0f} s")
    if not CampaignPage.objects.exists():
        say("Adding the demo site's campaigns and units to the bench database (load_demo) …")
        MEDIA_ROOT.mkdir(exist_ok=True)
        call_command("load_demo", verbosity=0)


def sample_urls():
    """``{kind: [paths]}``: public URLs of the bench database for the benchmarks to cycle through."""
    from campaigns.models import CampaignPage
    from core.visibility import public_pages
    from stories.models import StoryPage

    rng = random.Random(SEED)
    story_ids = list(public_pages(StoryPage.objects.filter(slug__startswith="bench-")).values_list("pk", flat=True))
    stories = list(StoryPage.objects.filter(pk__in=rng.sample(story_ids, min(ROTATION, len(story_ids)))))
    campaigns = list(public_pages(CampaignPage.objects.all()))
    if not stories or not campaigns:
        sys.exit(f"{DATABASE} has no public bench stories or no campaign page.")
    story_urls = [story.get_url() for story in stories]
    return {
        "stories": story_urls,
        "campaigns": [campaign.get_url() for campaign in campaigns],
        "search pages": [
            f"/{language}/search/?" + urlencode({"q": word})
            for language, words in SEARCH_WORDS.items()
            for word in words
        ],
        "search api": [
            "/api/v2/search/?" + urlencode({"q": word, "locale": language})
            for language, words in SEARCH_WORDS.items()
            for word in words
        ],
        "api details": [f"/api/v2/pages/{story.pk}/" for story in stories],
        "api finds": ["/api/v2/pages/find/?" + urlencode({"html_path": url}) for url in story_urls],
        "api listings": [
            f"/api/v2/pages/?type=stories.StoryPage&limit=20&offset={offset}&locale={language}"
            for offset in (0, 20, 40)
            for language in ("ar", "en")
        ],
    }


def _static_sources_newer_than(mtime):
    for folder in ROOT.glob("*/static"):  # The project's own static files (cms and the apps).
        for path in folder.rglob("*"):
            if path.is_file() and path.stat().st_mtime > mtime:
                return True
    return False


def _index_exists():
    try:
        with urllib.request.urlopen(f"{ENGINE_URL}/_cat/indices/{INDEX_PREFIX}*?h=index,docs.count", timeout=5) as r:
            return any(int(line.split()[1]) > 1000 for line in r.read().decode().splitlines() if line.strip())
    except (OSError, ValueError, IndexError):
        return False


def start_redis(port=REDIS_PORT):
    """A Redis of the bench's own (no persistence); returns the pid file to stop it with, or None if it ran."""
    if redis_answers(port):
        return None
    if not shutil.which("redis-server"):
        sys.exit("redis-server is not installed (Debian package redis-server).")
    pidfile = Path(tempfile.gettempdir()) / f"munasara_bench_redis_{port}.pid"
    subprocess.run(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "yes",
            "--pidfile",
            str(pidfile),
            "--logfile",
            str(pidfile.with_suffix(".log")),
        ],
        check=True,
    )
    for _ in range(50):
        if redis_answers(port):
            return pidfile
        time.sleep(0.1)
    sys.exit(f"redis-server did not answer on port {port}")


def redis_answers(port=REDIS_PORT):
    return _redis_command(port, b"PING") == b"+PONG"


def flush_redis(port=REDIS_PORT):
    """Empty the bench's cache database, so that a run starts from a cold cache."""
    return _redis_command(port, b"SELECT 1\r\nFLUSHDB") is not None


def _redis_command(port, command):
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(command + b"\r\n")
            return connection.recv(64).strip()
    except OSError:
        return None


def stop_redis(pidfile):
    if pidfile and pidfile.exists():
        pid = int(pidfile.read_text().strip())
        os.kill(pid, signal.SIGTERM)
        for _ in range(50):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)


def start_gunicorn(env, *, port, workers=2, label="web"):
    """gunicorn with ``workers`` sync workers on the bench settings; waits until it answers."""
    log = Path(tempfile.gettempdir()) / f"munasara_{label}_bench_{os.getpid()}.log"
    command = [
        GUNICORN,
        "cms.wsgi:application",
        f"--workers={workers}",
        f"--bind=127.0.0.1:{port}",
        f"--chdir={ROOT}",
        "--timeout=120",
        f"--error-logfile={log}",
    ]
    if env.get("REDIS_URL"):
        flush_redis()
    # The workers' own output (Django's log on stderr) goes to the same file, not to the bench's report.
    with open(log, "ab") as output:
        process = subprocess.Popen(command, env=env, start_new_session=True, stdout=output, stderr=subprocess.STDOUT)
    wait_until_answering(process, f"http://127.0.0.1:{port}/bench/bare/", log)
    return process, log


def wait_until_answering(process, url, log):
    """Wait up to a minute for the server ``process`` to answer ``url``; stop it and exit if it does not."""
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.5)
    stop_gunicorn(process)
    sys.exit(f"gunicorn did not start; see {log}")


def report_goals(goals):
    """Print each goal as met or not; the exit status: 0 when every goal is met."""
    print()
    for goal, met in goals.items():
        print(f"  {goal}: {'met' if met else 'NOT met'}")
    return 0 if all(goals.values()) else 1


def stop_gunicorn(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
