"""The public search through the real stack, on the database backend and on the real engine.

Every test here runs twice (see ``backend`` in conftest.py): the answers must be
the same whichever backend serves them.
"""

import datetime
import json

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from stories.models import SurvivorRecord
from stories.services import withdraw_consent

ARABIC_DOCUMENTS = {
    "demolition": dict(
        title="أوامر الهدم في سلوان",
        body="وهدموا الجدران أمام الأطفال في الصباح",
        violation_types=["home-demolition"],
        neighbourhood="silwan",
        date=datetime.date(2016, 3, 14),
    ),
    "school": dict(
        title="مدرسة صغيرة تنتظر الترخيص",
        body="يتعلم فيها أربعون تلميذاً",
        violation_types=["access-to-services"],
        neighbourhood="al-issawiya",
        date=datetime.date(2019, 9, 1),
    ),
    "residency": dict(
        title="إلغاء الإقامة بعد عودة من الدراسة",
        body="فقدت حقها في العيش في مدينتها",
        violation_types=["residency-revocation"],
        neighbourhood="beit-hanina",
        date=datetime.date(2018, 1, 20),
    ),
    "digits": dict(
        title="ليلة طويلة في الحي",
        body="اعتُقل ١٢ شاباً من البلدة في ليلة واحدة",
        violation_types=["excessive-force"],
        neighbourhood="silwan",
        date=datetime.date(2021, 5, 10),
    ),
    "hospital": dict(
        title="الطريق إلى مستشفى المقاصد",
        body="ساعتان على الحاجز",
        violation_types=["access-to-services"],
        neighbourhood="at-tur",
        date=datetime.date(2021, 11, 2),
    ),
    "tatweel": dict(
        title="حكاية الاعتـــقال الأول",
        body="كتب الشـــاب رسالة إلى أمه",
        violation_types=["excessive-force"],
        neighbourhood="shufat",
        date=datetime.date(2022, 2, 2),
    ),
    "diacritics": dict(
        title="قَدَّمَ الطَّلَبَ ثلاث مرات",
        body="وكان الجواب الرفض في كل مرة",
        violation_types=["building-permit-denial"],
        neighbourhood="sur-baher",
        date=datetime.date(2015, 6, 6),
    ),
}

# (query, key of the document it must find): article, attached prefixes, hamza,
# taa marbuta, alef maqsura, diacritics and tatweel, Arabic-Indic digits.
ARABIC_CASES = [
    ("هدم", "demolition"),
    ("الهدم", "demolition"),
    ("بالهدم", "demolition"),
    ("هدموا", "demolition"),
    ("المدرسه", "school"),
    ("مدرسة", "school"),
    ("الغاء الاقامة", "residency"),
    ("إلغاء", "residency"),
    ("12", "digits"),
    ("١٢", "digits"),
    ("مستشفي", "hospital"),
    ("بالاعتقال", "tatweel"),
    ("الاعتقال", "tatweel"),
    ("قدم الطلب", "diacritics"),
    ("تَقَدَّمَ الطَّلَب", None),  # a different verb form: must not crash, may or may not match
]

ENGLISH_DOCUMENTS = {
    "arrests": dict(
        title="Night arrests in Silwan",
        body="Twelve young men were arrested from their families' homes.",
        violation_types=["excessive-force"],
        neighbourhood="silwan",
        date=datetime.date(2021, 5, 10),
    ),
    "permits": dict(
        title="A permit that never came",
        body="The family applied for a building permit three times.",
        violation_types=["building-permit-denial"],
        neighbourhood="sur-baher",
        date=datetime.date(2015, 6, 6),
    ),
}
ENGLISH_STEMMING_CASES = [
    ("arrest", "arrests"),
    ("arresting", "arrests"),
    ("family", "permits"),
    ("applications", None),
]


@pytest.fixture
def corpus(make_story):
    stories = {}
    for key, fields in ARABIC_DOCUMENTS.items():
        stories[key] = make_story(**fields)
    for key, fields in ENGLISH_DOCUMENTS.items():
        stories[key] = make_story(locale="en", **fields)
    return stories


def ids(response):
    return [result["id"] for result in response.json()["results"]]


def test_each_arabic_spelling_and_form_finds_its_story(corpus, api):
    misses = []
    for query, key in ARABIC_CASES:
        response = api(q=query, locale="ar")
        assert response.status_code == 200, (query, response.content)
        if key and corpus[key].pk not in ids(response)[:10]:
            misses.append(query)
    assert misses == []


def test_english_words_find_their_story(corpus, api):
    assert corpus["arrests"].pk in ids(api(q="arrests", locale="en"))
    assert corpus["permits"].pk in ids(api(q="permit", locale="en"))
    for query, key in ENGLISH_STEMMING_CASES:
        if key:
            assert corpus[key].pk in ids(api(q=query, locale="en")), query


def test_a_search_returns_pages_of_its_own_locale_only(corpus, api):
    arabic = api(q="سلوان", locale="ar").json()
    english = api(q="Silwan", locale="en").json()
    assert arabic["count"] >= 1 and english["count"] >= 1
    assert {result["locale"] for result in arabic["results"]} == {"ar"}
    assert {result["locale"] for result in english["results"]} == {"en"}
    # The English word does not exist in Arabic pages and vice versa.
    assert api(q="Silwan", locale="ar").json()["count"] == 0
    assert api(q="سلوان", locale="en").json()["count"] == 0
    # Listing without a query stays in the locale too.
    assert {result["locale"] for result in api(locale="en", page_size=50).json()["results"]} == {"en"}


def test_response_has_the_documented_shape(corpus, api):
    response = api(q="هدم", locale="ar")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert set(data) == {"count", "results", "facets", "other_locales", "did_you_mean"}
    assert set(data["facets"]) == {"type", "violation_type", "neighbourhood", "year"}
    result = data["results"][0]
    assert set(result) == {"id", "type", "title", "url", "locale", "date", "summary", "highlight"}
    story = corpus["demolition"]
    assert result == {
        "id": story.pk,
        "type": "stories.StoryPage",
        "title": "أوامر الهدم في سلوان",
        "url": f"http://testserver{story.url}",
        "locale": "ar",
        "date": "2016-03-14",
        "summary": story.summary,
        "highlight": result["highlight"],
    }
    assert "<mark>" in result["highlight"]
    for facet in data["facets"].values():
        for item in facet:
            assert set(item) == {"value", "label", "count"}


def test_facets_count_the_query_and_the_other_active_filters(corpus, api):
    everything = api(locale="ar", type="stories.StoryPage").json()
    assert everything["count"] == len(ARABIC_DOCUMENTS)
    neighbourhoods = {item["value"]: item for item in everything["facets"]["neighbourhood"]}
    assert neighbourhoods["silwan"]["count"] == 2
    assert neighbourhoods["silwan"]["label"] == "سلوان"
    years = [item["value"] for item in everything["facets"]["year"]]
    assert years == sorted(years, reverse=True)

    in_silwan = api(locale="ar", neighbourhood="silwan").json()
    assert in_silwan["count"] == 2
    assert {result["id"] for result in in_silwan["results"]} == {corpus["demolition"].pk, corpus["digits"].pk}
    # The violation type facet is narrowed by the neighbourhood filter...
    violations = {item["value"]: item["count"] for item in in_silwan["facets"]["violation_type"]}
    assert violations == {"home-demolition": 1, "excessive-force": 1}
    # ...while the neighbourhood facet ignores its own filter, so other choices stay visible.
    assert {item["value"] for item in in_silwan["facets"]["neighbourhood"]} >= {"silwan", "at-tur", "shufat"}

    both = api(locale="ar", neighbourhood="silwan", violation_type="excessive-force").json()
    assert [result["id"] for result in both["results"]] == [corpus["digits"].pk]

    by_year = api(locale="ar", year="2021").json()
    assert {result["id"] for result in by_year["results"]} == {corpus["digits"].pk, corpus["hospital"].pk}

    several = api(locale="ar", year=["2015", "2016"]).json()
    assert {result["id"] for result in several["results"]} == {corpus["demolition"].pk, corpus["diacritics"].pk}

    with_query = api(q="الاعتقال", locale="ar").json()
    assert {item["value"]: item["count"] for item in with_query["facets"]["neighbourhood"]} == {"shufat": 1}

    by_type = api(locale="ar", type="home.AboutPage").json()
    assert by_type["count"] == 1 and by_type["results"][0]["type"] == "home.AboutPage"
    types = {item["value"] for item in by_type["facets"]["type"]}
    assert {"stories.StoryPage", "home.AboutPage"} <= types
    assert "home.HomePage" not in types  # Structural pages are never results (issue 11).


def test_no_query_lists_the_latest_content_first(corpus, api):
    data = api(locale="ar", type="stories.StoryPage").json()
    dates = [result["date"] for result in data["results"]]
    assert dates == sorted(dates, reverse=True)
    assert data["results"][0]["id"] == corpus["tatweel"].pk


def test_pagination_is_stable_and_page_size_is_respected(corpus, make_story, api):
    for number in range(6):
        make_story(f"قصة الصفحة رقم {number}", date=datetime.date(2020, 1, 1))  # Same date: ties broken by id.
    pages = [ids(api(locale="ar", type="stories.StoryPage", page=page, page_size=5)) for page in (1, 2, 3)]
    assert [len(page) for page in pages] == [5, 5, 3]
    assert len(set(pages[0] + pages[1] + pages[2])) == 13
    assert ids(api(locale="ar", type="stories.StoryPage", page=2, page_size=5)) == pages[1]
    assert api(locale="ar", page=99, page_size=5).json()["results"] == []


def test_highlights_are_escaped_except_for_the_marks(make_story, api):
    story = make_story("قصة <script>alert(1)</script> عن الحاجز", summary="<b>الحاجز</b> & الطريق")
    data = api(q="الحاجز", locale="ar").json()
    result = next(result for result in data["results"] if result["id"] == story.pk)
    highlight = result["highlight"]
    assert "<mark>" in highlight
    assert "<script>" not in highlight and "<b>" not in highlight
    assert highlight.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    assert result["title"] == "قصة <script>alert(1)</script> عن الحاجز"  # Data, for the client to escape.


def test_hidden_pages_are_never_returned(backend, make_story, site, api, committed):
    public = make_story("شجرة الزيتون في البستان")
    draft = make_story("شجرة الزيتون مسودة", publish_page=False)
    unconsented = make_story("شجرة الزيتون بلا موافقة", publish_page=False, consent_status="pending")
    private = make_story("شجرة الزيتون الخاصة")
    withdrawn = make_story("شجرة الزيتون المسحوبة")
    SurvivorRecord.objects.create(story_translation_key=public.translation_key, survivor_name="نادرة فريدة الحسيني")
    with committed():
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
        withdraw_consent(withdrawn)

    found = ids(api(q="الزيتون", locale="ar"))
    assert found == [public.pk]
    assert ids(api(locale="ar", page_size=50)).count(public.pk) == 1
    for hidden in (draft, unconsented, private, withdrawn):
        assert hidden.pk not in ids(api(locale="ar", page_size=50))
    assert api(q="الحسيني", locale="ar").json()["count"] == 0
    suggestions = [item["id"] for item in api("/api/v2/search/suggest/", q="شجرة", locale="ar").json()["results"]]
    assert suggestions == [public.pk]

    if backend is not None:  # And on the engine, they are not even in the index.
        index = backend.page_index().name
        for hidden in (draft, unconsented, private, withdrawn):
            assert not backend.es.exists(index=index, id=str(hidden.pk))
        document = backend.es.get(index=index, id=str(public.pk))["_source"]
        assert "الحسيني" not in json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "-3"}, "page"),
        ({"page_size": "51"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "ten"}, "page_size"),
        ({"page": "9999", "page_size": "50"}, "page"),
        ({"locale": "xx"}, "locale"),
        ({"type": "stories.Nope"}, "type"),
        ({"violation_type": "not-a-violation"}, "violation_type"),
        ({"neighbourhood": "atlantis"}, "neighbourhood"),
        ({"year": "last"}, "year"),
        ({"year": "20"}, "year"),
        ({"q": "ا" * 201}, "q"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(database_backend, site_structure, client, params, bad):
    response = client.get("/api/v2/search/", params)
    assert response.status_code == 400
    body = response.json()
    assert bad in body["errors"] and body["error"]


def test_suggest_completes_titles_in_one_locale(corpus, api):
    def suggested(q, locale):
        response = api("/api/v2/search/suggest/", q=q, locale=locale)
        assert response.status_code == 200
        return [item["id"] for item in response.json()["results"]]

    assert corpus["demolition"].pk in suggested("أوام", "ar")
    assert corpus["hospital"].pk in suggested("مستش", "ar")
    assert corpus["arrests"].pk in suggested("Nigh", "en")
    assert corpus["arrests"].pk not in suggested("Nigh", "ar")
    assert suggested("", "ar") == []
    assert api("/api/v2/search/suggest/", q="x", locale="zz").status_code == 400
    item = api("/api/v2/search/suggest/", q="أوام", locale="ar").json()["results"][0]
    assert set(item) == {"id", "type", "title", "url"}


def test_search_page_shows_results_facets_and_marks_in_the_page_language(corpus, client):
    response = client.get("/ar/search/", {"q": "هدم"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert "أوامر الهدم في سلوان" in html
    assert "<mark>" in html
    assert 'name="neighbourhood" value="silwan"' in html
    assert "Night arrests" not in client.get("/ar/search/", {"q": "Silwan"}).content.decode()

    english = client.get("/en/search/", {"q": "arrests", "neighbourhood": "silwan"}).content.decode()
    assert "Night arrests in Silwan" in english
    assert "أوامر" not in english
    assert 'value="silwan" checked' in english

    bad = client.get("/en/search/", {"page": "zero"})
    assert bad.status_code == 400
    assert "page" in bad.content.decode()


@pytest.mark.parametrize("backend", ["database"], indirect=True)
def test_rebuilding_the_database_index_keeps_the_arabic_normalisation(backend, corpus, api):
    from django.core.management import call_command

    call_command("update_index", backend_name="default", verbosity=0)
    assert corpus["demolition"].pk in ids(api(q="بالهدم", locale="ar"))
    assert corpus["residency"].pk in ids(api(q="الغاء الاقامه", locale="ar"))


@pytest.mark.parametrize("backend", ["database"], indirect=True)
def test_editors_still_find_drafts_in_the_admin(backend, make_story, admin_client):
    draft = make_story("مسودة عن إخلاء المنازل", publish_page=False)
    response = admin_client.get("/admin/pages/search/", {"q": "اخلاء"})
    assert response.status_code == 200
    assert "مسودة عن إخلاء المنازل" in response.content.decode()
    assert draft.pk not in ids(Client().get("/api/v2/search/", {"q": "اخلاء"}))


def test_search_results_show_dates_as_the_pages_do(make_story, client):
    """A result's date reads like the story's own page: Levantine months in Arabic, "17 May 2020" in English."""
    make_story("هدم بيت في سلوان", date=datetime.date(2020, 5, 17))
    make_story("A demolition in Silwan", locale="en", date=datetime.date(2020, 5, 17))
    arabic = client.get("/ar/search/", {"q": "هدم"}).content.decode()
    assert '<time datetime="2020-05-17">17 أيار 2020</time>' in arabic
    english = client.get("/en/search/", {"q": "demolition"}).content.decode()
    assert '<time datetime="2020-05-17">17 May 2020</time>' in english
