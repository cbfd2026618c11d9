"""What ``bench/faults.py`` does to the services and the content: stop and start OpenSearch and
PostgreSQL, publish pages while the engine is down, and check the index-update queue afterwards."""

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
OPENSEARCH_PIDFILE = Path("/var/lib/munasara-services/opensearch-2.19.6/opensearch.pid")
MARKER = re.compile(r" faultcheck\d+$")


def postgres_version():
    versions = sorted(os.listdir("/etc/postgresql"), key=lambda name: [int(part) for part in name.split(".")])
    return versions[-1]


# --- the services ------------------------------------------------------------------------------------------------


def engine_answers(url="http://127.0.0.1:9200"):
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=3) as response:
            return response.status == 200
    except OSError:
        return False


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    print(f"  !! {what}: not after {timeout:g} s")
    return False


def stop_engine():
    pid = int(OPENSEARCH_PIDFILE.read_text().strip())
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    if b"org.opensearch.bootstrap.OpenSearch" not in cmdline:
        sys.exit(f"{OPENSEARCH_PIDFILE} names pid {pid}, which is not OpenSearch: not stopping anything.")
    os.kill(pid, 15)
    return wait_for(lambda: not engine_answers(), 60, "OpenSearch stopped answering")


def start_engine():
    subprocess.run(["bash", str(ROOT / "scripts" / "services.sh")], stdout=subprocess.DEVNULL, check=True)
    return wait_for(engine_answers, 180, "OpenSearch answers again")


def postgres_ready():
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]).returncode == 0


def restart_postgres():
    subprocess.run(["pg_ctlcluster", postgres_version(), "main", "restart"], check=True)
    return wait_for(postgres_ready, 60, "PostgreSQL accepts connections")


# --- publishing during the engine's outage -------------------------------------------------------------------------


def publish_marked(count):
    """Publish ``count`` bench stories with a marker in their title; their ids and the marker."""
    from core.visibility import public_pages
    from stories.models import StoryPage

    marker = f"faultcheck{int(time.time())}"
    stories = list(
        public_pages(StoryPage.objects.filter(slug__startswith="bench-", locale__language_code="ar"))[:count]
    )
    for story in stories:
        story.title = MARKER.sub("", story.title) + " " + marker
        story.save_revision().publish()
    return [story.pk for story in stories], marker


def pending(page_ids):
    from search import outbox

    return len(outbox.pending_among(page_ids))


def search_sync(env):
    command = [sys.executable, str(ROOT / "manage.py"), "search_sync"]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    return completed.returncode, (completed.stdout + completed.stderr).strip().splitlines()[-1:]


def found_by_search(port, marker):
    query = urlencode({"q": marker, "locale": "ar"})
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/search/?{query}", timeout=30) as response:
        return json.load(response)["count"]
