"""Settings of the API benchmark's server: production settings, plus the ceiling view's URL.

Read by ``bench/api_speed.py`` for its gunicorn workers and for its own set-up; never by the product.
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

ROOT_URLCONF = "bench.api_urls"
# The API serves no static files; the benchmark skips collectstatic and the manifest it would need.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
