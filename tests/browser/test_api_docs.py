"""/api/v2/docs/ in a real browser: Swagger UI lists the API's endpoints, and nothing is fetched from another host.

Uses the ``page`` fixture of tests/browser/conftest.py (Debian's Chromium through Playwright).
"""

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def test_the_docs_page_lists_every_endpoint_from_our_own_files_only(page, live_server):
    requested, refused = [], []

    def only_local(route):
        url = route.request.url
        requested.append(url)
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname not in LOCAL_HOSTS:
            refused.append(url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", only_local)
    page.goto(f"{live_server.url}/api/v2/docs/")
    page.locator(".opblock-summary-path").first.wait_for()

    listed = set(page.locator(".opblock-summary-path").all_inner_texts())
    listed = {path.replace("\u200b", "").strip() for path in listed}
    for path in (
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
        "/api/v2/pages/find/",
        "/api/v2/navigation/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/search/",
        "/api/v2/search/suggest/",
        "/api/v2/site/",
        "/api/v2/vocabularies/neighbourhoods/",
    ):
        assert path in listed, (path, sorted(listed))
    assert page.locator(".info .title").inner_text().startswith("Munasara API")
    assert f"{live_server.url}/api/v2/schema/" in requested
    assert refused == []
