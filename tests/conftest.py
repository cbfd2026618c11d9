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


@pytest.fixture(autouse=True)
def _force_login_passes_second_factor(monkeypatch):
    """``client.force_login(user)`` signs ``user`` in as the admin login does, second factor included.

    Staff who must use two-factor authentication (cms/two_factor.py) would otherwise be sent to set
    up a device from every admin page. The user gets a confirmed TOTP device and the session is
    verified with it, as django-otp records it once its code was typed. The two-factor tests sign
    in through the login form instead, where nothing is skipped.
    """
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from tests.two_factor import totp_device

    sign_in = Client.force_login

    def force_login(self, user, backend=None):
        sign_in(self, user, backend)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


def _page_ids(structure):
    return {key: {code: page.pk for code, page in pages.items()} for key, pages in structure.items()}


def _pages(page_ids):
    from wagtail.models import Page

    pages = Page.objects.filter(pk__in=[pk for pks in page_ids.values() for pk in pks.values()]).specific().in_bulk()
    return {key: {code: pages[pk] for code, pk in pks.items()} for key, pks in page_ids.items()}


def _requeue_pending_index_updates():
    """The build's index updates wait for the next commit in this process, as after a real build."""
    from search import outbox
    from search.models import IndexUpdate

    outbox.schedule(IndexUpdate.objects.filter(applied_at__isnull=True).values_list("page_id", flat=True))


@pytest.fixture
def site_structure(db):
    """Locales, the home page per locale and the section index pages, as after a fresh install.

    Built once per session and replayed after that (tests/db_snapshots.py).
    """
    from archive.site import ensure_site_structure
    from tests.db_snapshots import build_or_replay

    return build_or_replay(
        "site_structure", ensure_site_structure, _page_ids, _pages, after_replay=_requeue_pending_index_updates
    )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache: the response cache must not carry one test's pages into another."""
    from django.core.cache import caches

    from caching import outbox
    from search import query_report

    caches["default"].clear()
    outbox.reset_process_state()
    query_report.reset_process_state()
    yield


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
