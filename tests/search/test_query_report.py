"""The staff report of what readers search for: counted per day, query and language, nothing personal."""

import datetime

from django.urls import reverse
from django.utils import timezone

from roles import roles
from search.query_report import SearchQueryDay, prune
from tests.accounts import staff_user


def test_searches_are_counted_without_anything_personal(database_backend, site_structure, client, make_story):
    make_story("A demolition in Silwan", locale="en")
    for params in (
        {"q": "Demolition", "locale": "en"},
        {"q": "  demolition  ", "locale": "en"},
        {"q": "demolition", "locale": "en", "page_size": "5"},
        {"q": "demolition", "locale": "ar"},
        {"q": "nowhere to be found", "locale": "en"},
        {"q": "demolition", "locale": "en", "page": "2"},  # A later page of the same search: not counted again.
        {"q": "call +972 52 123 4567", "locale": "en"},  # Looks like a way to reach a person: not kept.
    ):
        client.get("/api/v2/search/", params, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Reader/1.0")
    client.get("/en/search/", {"q": "demolition"}, REMOTE_ADDR="203.0.113.9")

    rows = {
        (row.language, row.query): (row.searches, row.searches_without_results) for row in SearchQueryDay.objects.all()
    }
    assert rows == {
        ("en", "demolition"): (4, 0),
        ("ar", "demolition"): (1, 1),
        ("en", "nowhere to be found"): (1, 1),
    }
    # Only the day, the language, the query and the two counts: no address, agent, user, session or time.
    columns = {field.column for field in SearchQueryDay._meta.get_fields()}
    assert columns == {"id", "day", "language", "query", "searches", "searches_without_results"}
    stored = " ".join(str(value) for row in SearchQueryDay.objects.values_list() for value in row)
    assert "203.0.113.9" not in stored and "Reader" not in stored and "972" not in stored


def test_counts_older_than_30_days_are_pruned(db):
    today = timezone.localdate()
    for age in (0, 29, 30, 31, 200):
        SearchQueryDay.objects.create(day=today - datetime.timedelta(days=age), language="en", query=f"q{age}")
    assert prune(today) == 2
    assert sorted(SearchQueryDay.objects.values_list("query", flat=True)) == ["q0", "q29", "q30"]


def test_editors_see_top_and_zero_result_queries_of_the_last_30_days(site_structure, client):
    today = timezone.localdate()
    SearchQueryDay.objects.create(day=today, language="en", query="demolition", searches=7)
    SearchQueryDay.objects.create(day=today - datetime.timedelta(days=3), language="en", query="demolition", searches=5)
    SearchQueryDay.objects.create(day=today, language="ar", query="هدم", searches=4)
    SearchQueryDay.objects.create(day=today, language="fr", query="introuvable", searches=2, searches_without_results=2)
    SearchQueryDay.objects.create(day=today - datetime.timedelta(days=40), language="en", query="ancient", searches=99)

    client.force_login(staff_user("report-reader", groups=[roles.EDITORS]))
    top = client.get(reverse("search_query_report:top"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert top.index("demolition") < top.index("هدم") < top.index("introuvable")
    assert ">12<" in top.replace(" ", "").replace("\n", "") and "ancient" not in top
    zero = client.get(reverse("search_query_report:zero"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "introuvable" in zero and "demolition" not in zero

    client.force_login(staff_user("outsider", groups=[roles.DOCUMENTATION_OFFICERS]))
    assert client.get(reverse("search_query_report:top")).status_code in (302, 403)


def test_counts_are_written_in_batches_and_the_report_shows_them_at_once(
    database_backend, site_structure, client, make_story, settings
):
    """With a flush interval, searching writes nothing; the batch is written when due or when staff look."""
    settings.SEARCH_QUERY_REPORT_FLUSH_SECONDS = 3600
    make_story("A demolition in Silwan", locale="en")
    for _ in range(3):
        assert client.get("/api/v2/search/", {"q": "demolition", "locale": "en"}).status_code == 200
    client.get("/api/v2/search/", {"q": "nowhere to be found", "locale": "en"})

    assert not SearchQueryDay.objects.exists()  # held in the process, not one write per search

    client.force_login(staff_user("report-reader", groups=[roles.EDITORS]))
    top = client.get(reverse("search_query_report:top"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "demolition" in top and "nowhere to be found" in top
    rows = {row.query: (row.searches, row.searches_without_results) for row in SearchQueryDay.objects.all()}
    assert rows == {"demolition": (3, 0), "nowhere to be found": (1, 1)}

    settings.SEARCH_QUERY_REPORT_FLUSH_SECONDS = 0  # the next search finds its batch due
    client.get("/api/v2/search/", {"q": "demolition", "locale": "en"})
    assert SearchQueryDay.objects.get(query="demolition").searches == 4
