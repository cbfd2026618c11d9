"""Settings of the API benchmark's server: production settings, plus the ceiling view's URL.

Read by ``bench/api_speed.py`` for its gunicorn workers and for its own set-up; never by the product.
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

ROOT_URLCONF = "bench.api_urls"
# The API serves no static files; the benchmark skips collectstatic and the manifest it would need.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# The benchmark's gunicorn answers plain HTTP on loopback: production's redirect to HTTPS would measure redirects.
SECURE_SSL_REDIRECT = False
# The same request repeated thousands of times is what the response cache serves from memory; this
# benchmark measures the API itself (bench/web_speed.py measures the cache).
RESPONSE_CACHE = False
