"""Editors' picks (wagtail.contrib.search_promotions): first, marked, public and in the language searched."""

from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from stories.records import ConsentRecord


def promote(query_string, *pages):
    query = Query.get(query_string)
    for order, page in enumerate(pages):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order)


def results(api, **params):
    response = api(**params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_promoted_pages_come_first_marked_and_only_once(make_story, api, client):
    matching = make_story("Checkpoint queues at dawn", locale="en")
    other = make_story("Checkpoint closures in winter", locale="en")
    pick = make_story("A guide to the crossing hours", locale="en")  # Does not even contain the word.
    promote("checkpoint", pick, other)

    found = results(api, q="Checkpoint", locale="en")
    assert [result["id"] for result in found] == [pick.pk, other.pk, matching.pk]
    assert [result.get("promoted", False) for result in found] == [True, True, False]
    # Paging through the same search shows each page once: the picks are not repeated as plain results.
    seen = [
        result["id"]
        for page in (1, 2, 3)
        for result in results(api, q="checkpoint", locale="en", page=page, page_size=1)
    ]
    assert sorted(seen) == sorted([pick.pk, other.pk, matching.pk])

    with translation.override("en"):
        page = client.get("/en/search/", {"q": "checkpoint"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count("Editor's pick") == 2
    assert page.index("A guide to the crossing hours") < page.index("Checkpoint queues at dawn")


def test_only_public_pages_of_the_language_searched_are_promoted(make_story, api, committed):
    public = make_story("Water cuts in the summer", locale="en")
    draft = make_story("A draft about water", locale="en", publish_page=False)
    arabic = make_story("انقطاع المياه في الصيف", locale="ar")
    private = make_story("A private page about water", locale="en")
    unconsented = make_story("A story whose consent lapsed", locale="en")
    with committed():
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    # Behind the signals' back: the page is still live, but its consent is no longer granted.
    ConsentRecord.objects.filter(story_translation_key=unconsented.translation_key).update(status="pending")
    promote("water", draft, arabic, private, unconsented, public)

    english = results(api, q="water", locale="en")
    assert [result["id"] for result in english if result.get("promoted")] == [public.pk]
    assert {draft.pk, private.pk, unconsented.pk, arabic.pk}.isdisjoint(result["id"] for result in english)
    arabic_results = results(api, q="water", locale="ar")
    assert [result["id"] for result in arabic_results] == [arabic.pk]


def test_a_pick_added_after_a_search_shows_at_once_and_a_removed_one_goes(make_story, api):
    """The searches without a pick ask the cache which queries have one; adding or removing a pick changes it."""
    matching = make_story("Checkpoint queues at dawn", locale="en")
    pick = make_story("A guide to the crossing hours", locale="en")
    assert [result["id"] for result in results(api, q="checkpoint", locale="en")] == [matching.pk]

    promote("checkpoint", pick)
    assert [result["id"] for result in results(api, q="checkpoint", locale="en")] == [pick.pk, matching.pk]

    SearchPromotion.objects.filter(page=pick).delete()
    assert [result["id"] for result in results(api, q="checkpoint", locale="en")] == [matching.pk]
