import os
import urllib.request

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(available, what):
    """Skip a test when a service is missing locally; fail it under CI=true.

    Only for what a checkout cannot carry: PostgreSQL, the search engine and Chromium.
    Test data lives in the repository, so nothing skips for want of data.
    """
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required under CI=true but is not available")
    pytest.skip(f"{what} is not available")


@pytest.fixture
def site_structure(db):
    """Locales, the home page per locale and the section index pages, as after a fresh install."""
    from archive.site import ensure_site_structure

    return ensure_site_structure()


@pytest.fixture(scope="session", autouse=True)
def _delete_test_indexes():
    """Drop the search engine indexes this session created (cms/settings/test.py gives them a per-run prefix)."""
    yield
    from django.conf import settings

    engine = settings.WAGTAILSEARCH_BACKENDS.get("public")
    if not engine:
        return
    request = urllib.request.Request(f"{engine['URLS'][0].rstrip('/')}/{engine['INDEX_PREFIX']}*", method="DELETE")
    try:
        urllib.request.urlopen(request, timeout=10).close()
    except OSError:
        pass  # the engine is gone already; nothing to clean
