"""Settings of the web benchmarks' server (web_speed, load, faults): production settings plus a bare view.

Read by the gunicorn workers those scripts start and by their own set-up; never by the product. The
environment (database, engine, cache) comes from ``bench/_web_server.py``.
"""

import os

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.web_urls"
# The bench serves plain HTTP on loopback: no HTTPS redirect, and no secure-only cookies it could not send back.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# faults.py --without-conn-health-checks: the product checks a persistent connection before its first use
# in each request (CONN_HEALTH_CHECKS); this shows what a database restart does without that check.
if os.environ.get("BENCH_CONN_HEALTH_CHECKS") == "false":
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False  # noqa: F405
