"""gunicorn's settings for the web process (``gunicorn --config python:cms.gunicorn_conf cms.wsgi``).

gunicorn's error and access logs go through Django's ``LOGGING``: the same format (``LOG_FORMAT``)
and the same filter that removes personal data (``cms/log_filters.py``) from the access log's
client address, request line, query string and referer.
"""

import os

from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

logconfig_dict = settings.LOGGING
