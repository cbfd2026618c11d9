"""Shared set-up for the search benchmarks: a scratch database and scratch index prefixes.

The benchmarks never touch the project's database or indexes: they point
DATABASE_URL at a temporary SQLite file (or at --database-url) and use index
prefixes unique to the run, and delete both at the end.
"""

import os
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT / "bench" / "data" / "demo_archive.json"  # The project's own copy of the demo archive.
sys.path.insert(0, str(ROOT))

from search.backends import engines  # noqa: E402 - pure: safe to import before Django starts


def configure(args, label):
    """Set the environment for Django before it starts; return a cleanup function."""
    url = args.engine_url or os.environ.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9200"
    try:
        urllib.request.urlopen(url, timeout=5).close()
    except OSError as error:
        sys.exit(f"The search engine at {url} does not answer ({error}). Start it with `make services`.")
    scratch_dir = tempfile.mkdtemp(prefix=f"munasara_{label}_")
    database_url = args.database_url or f"sqlite:///{scratch_dir}/bench.sqlite3"
    scratch_postgres = None
    if getattr(args, "postgres", False):
        scratch_postgres = f"munasara_bench_{label}_{os.getpid()}"
        server = urlsplit(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/munasara")
        database_url = urlunsplit(server._replace(path="/" + scratch_postgres))
        postgres_admin(server, f'CREATE DATABASE "{scratch_postgres}"')
    prefix = f"bench_{label}_{os.getpid()}_"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=database_url,
        ELASTICSEARCH_URL=url,
        ELASTICSEARCH_INDEX_PREFIX=prefix,
        LOG_LEVEL="WARNING",
    )
    if args.engine:  # Else $ELASTICSEARCH_ENGINE, or the settings' default (search/backends/engines.py).
        os.environ["ELASTICSEARCH_ENGINE"] = args.engine
    import django

    django.setup()
    from django.conf import settings

    # cms.settings.test gives the index a per-process test prefix; the benchmark's own prefix is
    # the one cleanup() deletes.
    settings.WAGTAILSEARCH_BACKENDS["public"]["INDEX_PREFIX"] = prefix
    import logging

    logging.getLogger("wagtail").setLevel(logging.WARNING)

    def cleanup():
        request = urllib.request.Request(f"{url.rstrip('/')}/bench_{label}_{os.getpid()}_*", method="DELETE")
        try:
            urllib.request.urlopen(request, timeout=30).close()
        except OSError:
            pass
        import shutil

        from django.db import connections

        connections.close_all()
        shutil.rmtree(scratch_dir, ignore_errors=True)
        if scratch_postgres:
            postgres_admin(server, f'DROP DATABASE IF EXISTS "{scratch_postgres}"')

    return url, prefix, cleanup


def postgres_admin(server, statement):
    import psycopg2

    connection = psycopg2.connect(
        host=server.hostname,
        port=server.port or 5432,
        user=server.username,
        password=server.password,
        dbname="postgres",
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


def add_common_arguments(parser):
    parser.add_argument("--engine-url", help="Search engine URL (default: $ELASTICSEARCH_URL or 127.0.0.1:9200).")
    parser.add_argument(
        "--engine",
        choices=sorted(engines.ENGINE_BACKENDS),
        help=f"The engine's kind (default: $ELASTICSEARCH_ENGINE, else {engines.DEFAULT_ENGINE}).",
    )
    parser.add_argument("--database-url", help="Use this (empty, scratch) database instead of a temporary SQLite file.")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="Use a scratch PostgreSQL database (created and dropped) on the server of $DATABASE_URL.",
    )
    parser.add_argument("--archive", default=str(ARCHIVE), help="The demo archive to import.")


def migrate_and_import(archive):
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("import_archive", archive, "--publish", verbosity=0)
