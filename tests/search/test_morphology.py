"""A reader's word finds pages that use another form of it: derived nouns, irregular and broken plurals.

Each test runs on the database backend and on the real engine (``backend`` in conftest.py). The stories
use one form, the queries another that a suffix stemmer does not join (search/lexicon/*.txt).
"""

import pytest

# (key, title, body) in each language; every title uses the form the queries below do not.
STORIES = {
    "en": [
        ("seizure", "The seizure of the olive harvest", "Soldiers took the sacks from the press."),
        ("detention", "Eight months in administrative detention", "No charge was ever read to him."),
        ("eviction", "An eviction notice on the family's door", "The court gave them thirty days."),
        ("demolition", "Demolition of the annex behind the house", "Bulldozers came before sunrise."),
        ("expulsion", "Expulsion from the old quarter", "The shop keys were handed to a guard."),
        ("confiscation", "Confiscation of a tractor in the valley", "The farmer filed a complaint."),
        ("displaced", "Displaced twice in ten years", "The tent stood beside the road."),
        ("revoked", "A residency revoked after studies abroad", "Her card was taken at the bridge."),
        ("men", "Four men stopped at the gate", "They waited in the sun for hours."),
        ("women", "Women of the vegetable market", "Stalls were cleared by inspectors."),
        ("people", "People without papers in their own city", "Clinics turned them away."),
        ("children", "Children on the road to class", "A checkpoint stands between home and desk."),
        ("lives", "Lives between two walls", "The neighbours speak across a barrier."),
    ],
    "fr": [
        ("expulsion", "L'expulsion de la famille Haddad", "Le tribunal a fixé une date en hiver."),
        ("detention", "Six mois de détention administrative", "Aucune accusation ne lui a été lue."),
        ("demolition", "La démolition de l'annexe", "Les bulldozers sont arrivés avant l'aube."),
        ("confiscation", "Confiscation des outils de l'atelier", "Le menuisier a porté plainte."),
        ("arrestations", "Les arrestations de la nuit", "Trois frères emmenés à l'aube."),
        ("deplacement", "Le déplacement forcé des bergers", "Les tentes démontées une à une."),
        ("travaux", "Les travaux de la route coupent le quartier", "Les commerçants ferment plus tôt."),
        ("yeux", "Un garçon blessé aux yeux", "Une balle en caoutchouc tirée de près."),
        ("baux", "Des baux que personne ne renouvelle", "Les propriétaires absents ne répondent plus."),
        ("hopitaux", "Les hôpitaux hors de portée", "Deux heures de route pour une dialyse."),
    ],
    "ar": [
        ("houses", "بيوت مهددة في البستان", "تسلم السكان أوامر جديدة"),
        ("children", "أطفال بلا تسجيل في سجل السكان", "لا يملكون وثائق رسمية"),
        ("lands", "أراضي العائلة خلف السياج", "منعوا من الوصول إلى الزيتون"),
        ("detention", "احتجاز ثلاثة شبان فجراً", "اقتيدوا إلى مركز التحقيق"),
        ("confiscation", "مصادرة الجرار في الوادي", "قدم المزارع شكوى"),
        ("wounded", "جرحى في المواجهات قرب السور", "نقلوا إلى المستشفى"),
        ("graves", "قبور متضررة على المنحدر", "سقطت الشواهد بعد الحفريات"),
        ("raid", "اقتحام المسجد عند الفجر", "أغلقت الأبواب ساعات"),
    ],
}

# (language, query, key of the story it must find).
CASES = [
    # English: verb → derived noun, noun → participle, irregular plurals both ways.
    ("en", "seized", "seizure"),
    ("en", "detained", "detention"),
    ("en", "evicted family", "eviction"),
    ("en", "demolished", "demolition"),
    ("en", "expelled", "expulsion"),
    ("en", "confiscated tractor", "confiscation"),
    ("en", "displacement", "displaced"),
    ("en", "revocation", "revoked"),
    ("en", "man", "men"),
    ("en", "woman", "women"),
    ("en", "person", "people"),
    ("en", "child", "children"),
    ("en", "life", "lives"),
    # French: participles → nouns, with and without accents; irregular plurals.
    ("fr", "expulsés", "expulsion"),
    ("fr", "expulses", "expulsion"),
    ("fr", "détenus", "detention"),
    ("fr", "démolie", "demolition"),
    ("fr", "confisqué", "confiscation"),
    ("fr", "arrêtés", "arrestations"),
    ("fr", "déplacés", "deplacement"),
    ("fr", "travail", "travaux"),
    ("fr", "œil", "yeux"),
    ("fr", "bail", "baux"),
    ("fr", "hôpital", "hopitaux"),
    # Arabic: singular → broken plural, verb → verbal noun, without hamza or with particles.
    ("ar", "بيت", "houses"),
    ("ar", "طفل", "children"),
    ("ar", "الارض", "lands"),
    ("ar", "احتجزوا", "detention"),
    ("ar", "صادروا", "confiscation"),
    ("ar", "جريح", "wounded"),
    ("ar", "قبر", "graves"),
    ("ar", "اقتحموا", "raid"),
]


@pytest.fixture
def stories(make_story):
    made = {}
    for language, records in STORIES.items():
        for key, title, body in records:
            made[(language, key)] = make_story(title, locale=language, body=body)
    return made


def ids(response):
    assert response.status_code == 200, response.content
    return [result["id"] for result in response.json()["results"]]


def test_each_form_finds_the_story_using_another_and_only_in_its_language(stories, api):
    missed = []
    for language, query, key in CASES:
        found = ids(api(q=query, locale=language))
        if stories[(language, key)].pk not in found:
            missed.append((language, query, key))
    assert missed == []
    # A family does not pull in unrelated stories.
    assert ids(api(q="seized", locale="en")) == [stories[("en", "seizure")].pk]
    assert ids(api(q="détenus", locale="fr")) == [stories[("fr", "detention")].pk]
    assert ids(api(q="بيت", locale="ar")) == [stories[("ar", "houses")].pk]
    # Families stay in the language searched.
    assert ids(api(q="demolished", locale="fr")) == []
    assert ids(api(q="démolie", locale="en")) == []


def test_the_search_page_marks_the_other_form(make_story, client):
    make_story("The seizure of the olive harvest", locale="en")
    response = client.get("/en/search/", {"q": "seized"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "<mark>seizure</mark>" in response.content.decode().lower()
