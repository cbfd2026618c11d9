"""The public statistics: the API, the page (charts + data tables) and the CSV agree with a direct count."""

import csv
import datetime
import io

import pytest
from django.db.models import Count, Sum

from core.models import Neighbourhood, ViolationType
from monitoring.models import Incident, IncidentStatus, StatisticsBucket
from monitoring.statistics import format_number
from monitoring.statistics_query import split_range
from monitoring.statistics_summary import rebuild_summary
from tests.markup import assert_accessible_page, parse

from .incidents import VERIFIED, direct_figures, make_incident, make_sample

FIGURES = ("incidents", "people_affected", "children_affected", "women_affected")
CONFIDENTIAL = "CONFIDENTIAL-WITNESS-7731"


@pytest.fixture
def sample(site_structure):
    return make_sample()


def api(client, **params):
    response = client.get("/api/v2/statistics/", params)
    assert response.status_code == 200, response.content
    return response.json()


def direct_breakdown(group_by, **filters):
    rows = (
        Incident.objects.filter(status=VERIFIED, **filters)
        .values(group_by)
        .annotate(
            incidents=Count("pk"),
            people_affected=Sum("people_affected"),
            children_affected=Sum("children_affected"),
            women_affected=Sum("women_affected"),
        )
    )
    return {row[group_by]: {name: row[name] for name in FIGURES} for row in rows}


def figures_of(items, key):
    return {item[key]: {name: item[name] for name in FIGURES} for item in items}


FILTER_CASES = [
    ({}, {}),
    # Partial months at both ends: the summary answers the whole months, the incidents the edges.
    ({"from": "2023-03-15", "to": "2024-06-15"}, {"date__gte": "2023-03-15", "date__lte": "2024-06-15"}),
    ({"from": "2024-06-01", "to": "2024-06-10"}, {"date__gte": "2024-06-01", "date__lte": "2024-06-10"}),
    ({"from": "2023-04-01"}, {"date__gte": "2023-04-01"}),
    ({"to": "2023-03-31"}, {"date__lte": "2023-03-31"}),
    ({"violation_type": "home-demolition"}, {"violation_type__slug": "home-demolition"}),
    (
        {"neighbourhood": "silwan", "from": "2024-01-01", "to": "2024-12-31"},
        {"neighbourhood__slug": "silwan", "date__year": 2024},
    ),
]


def test_api_figures_match_a_direct_count(client, sample):
    for params, lookups in FILTER_CASES:
        answer = api(client, locale="en", **params)

        assert answer["totals"] == direct_figures(**lookups), params
        assert figures_of(answer["by_year"], "year") == direct_breakdown("date__year", **lookups), params
        assert figures_of(answer["by_violation_type"], "slug") == direct_breakdown("violation_type__slug", **lookups)
        assert figures_of(answer["by_neighbourhood"], "slug") == direct_breakdown("neighbourhood__slug", **lookups)
        assert answer["meta"]["filters"] == {
            "from": params.get("from"),
            "to": params.get("to"),
            "violation_type": params.get("violation_type"),
            "neighbourhood": params.get("neighbourhood"),
        }


def test_api_never_counts_a_draft_nor_shows_a_source(client, sample):
    answer = api(client)

    assert answer["totals"]["incidents"] == 6
    draft_people = Incident.objects.get(key="demolition-draft-2024").people_affected
    assert answer["totals"]["people_affected"] == direct_figures()["people_affected"]
    assert (
        direct_figures()["people_affected"] + draft_people
        == Incident.objects.aggregate(total=Sum("people_affected"))["total"]
    )
    assert CONFIDENTIAL not in str(answer)


def test_api_labels_follow_the_locale(client, sample):
    for language in ("ar", "en", "fr"):
        answer = api(client, locale=language)
        labels = {item["slug"]: item["label"] for item in answer["by_violation_type"]}
        expected = ViolationType.objects.get(slug="home-demolition", locale__language_code=language).name
        assert labels["home-demolition"] == expected
        places = {item["slug"]: item["label"] for item in answer["by_neighbourhood"]}
        assert places["silwan"] == Neighbourhood.objects.get(slug="silwan", locale__language_code=language).name
    assert api(client, locale="en")["by_neighbourhood"][0]["label"] == "Silwan"  # most incidents first


BAD_PARAMETERS = [
    ({"from": "2024-13-01"}, "from", "YYYY-MM-DD"),
    ({"to": "yesterday"}, "to", "YYYY-MM-DD"),
    ({"from": "2024-06-02", "to": "2024-06-01"}, "from", "after"),
    ({"violation_type": "no-such-type"}, "violation_type", "no-such-type"),
    ({"neighbourhood": "atlantis"}, "neighbourhood", "atlantis"),
    ({"locale": "xx"}, "locale", "xx"),
    ({"year": "2024"}, "year", "Unknown parameter"),
    ({"format": "xml"}, "format", "json"),
]


def test_api_refuses_a_bad_parameter_by_name(client, site_structure):
    for params, parameter, words in BAD_PARAMETERS:
        response = client.get("/api/v2/statistics/", params, HTTP_ACCEPT_LANGUAGE="en")

        assert response.status_code == 400, params
        errors = response.json()["errors"]
        assert list(errors) == [parameter]
        assert words in errors[parameter]


def test_api_answers_in_one_query(client, sample, django_assert_num_queries):
    client.get("/api/v2/statistics/", {"locale": "en"})  # warm the vocabulary cache
    with django_assert_num_queries(1):  # the summary and the odd days, with the slugs, in one query
        client.get("/api/v2/statistics/", {"locale": "en", "from": "2023-03-15", "to": "2024-06-15"})


def days_of(years, months, days, lowest, highest):
    """Every day the pieces of :func:`split_range` cover between ``lowest`` and ``highest``, with repeats."""
    covered = []
    day = lowest
    while day <= highest:
        pieces = 0
        if years is not None:
            first, last = years
            pieces += (first is None or day.year >= first) and (last is None or day.year <= last)
        pieces += sum(day.year == year and first <= day.month <= last for year, first, last in months)
        pieces += sum(first <= day <= last for first, last in days)
        covered += [day] * pieces
        day += datetime.timedelta(days=1)
    return covered


def test_a_date_range_splits_into_years_months_and_days_covering_each_day_once():
    lowest, highest = datetime.date(2019, 1, 1), datetime.date(2026, 12, 31)
    dates = [
        None,
        *map(
            datetime.date.fromisoformat,
            [
                "2020-01-01",
                "2020-02-29",
                "2020-03-15",
                "2020-12-31",
                "2021-01-01",
                "2021-06-30",
                "2022-07-04",
                "2022-12-31",
                "2023-01-31",
            ],
        ),
    ]
    for start in dates:
        for end in dates:
            if start and end and start > end:
                continue
            expected = [
                lowest + datetime.timedelta(days=offset)
                for offset in range((highest - lowest).days + 1)
                if (start is None or lowest + datetime.timedelta(days=offset) >= start)
                and (end is None or lowest + datetime.timedelta(days=offset) <= end)
            ]
            assert days_of(*split_range(start, end), lowest, highest) == expected, (start, end)


def bucket_rows():
    return sorted(
        (row.year, row.month, row.violation_type_id, row.neighbourhood_id, *(getattr(row, name) for name in FIGURES))
        for row in StatisticsBucket.objects.exclude(incidents=0)
    )


def test_the_figures_follow_verify_edit_and_delete(client, sample):
    draft = Incident.objects.get(key="demolition-draft-2024")
    draft.status = IncidentStatus.VERIFIED
    draft.save()
    assert api(client)["totals"] == direct_figures()

    moved = Incident.objects.get(key="demolition-silwan-2023")
    moved.date = moved.date.replace(year=2021)
    moved.people_affected = 9
    moved.neighbourhood = Neighbourhood.objects.get(slug="at-tur", locale__language_code="ar")
    moved.save()
    answer = api(client, neighbourhood="at-tur")
    assert (
        answer["totals"]
        == direct_figures(neighbourhood__slug="at-tur")
        == {
            "incidents": 1,
            "people_affected": 9,
            "children_affected": 2,
            "women_affected": 1,
        }
    )
    assert figures_of(api(client)["by_year"], "year") == direct_breakdown("date__year")

    draft.status = IncidentStatus.DRAFT
    draft.save()
    Incident.objects.get(key="displacement-old-city-2024").delete()
    make_incident("late-entry", "2024-06-05", "home-demolition", "silwan", 2)
    assert api(client)["totals"] == direct_figures()
    assert figures_of(api(client)["by_violation_type"], "slug") == direct_breakdown("violation_type__slug")

    # The running summary is what a full recount gives.
    kept = bucket_rows()
    rebuild_summary()
    assert bucket_rows() == kept


def tables_of(soup):
    """Each chart's data table: the <table> right after the chart's <figure>, as {row label: [cells]}."""
    tables = []
    for figure in soup.select("figure.chart-figure"):
        table = figure.find_next_sibling()
        assert table.name == "table", f"the chart is followed by <{table.name}>, not its data table"
        rows = {
            row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in table.tbody.find_all("tr")
        }
        tables.append(rows)
    return tables


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_page_shows_accessible_charts_with_their_data(client, sample, language):
    soup = parse(client.get(f"/{language}/statistics/"))
    assert_accessible_page(soup, language)

    charts = soup.select("svg[role=img]")
    assert len(charts) == 3
    for chart in charts:
        title_id, desc_id = chart["aria-labelledby"].split()
        assert chart.find("title", id=title_id).get_text(strip=True)
        assert chart.find("desc", id=desc_id).get_text(strip=True)
        assert chart["direction"] == ("rtl" if language == "ar" else "ltr")
    assert not soup.select("[style]") and not soup.find("style")
    assert not [script for script in soup.find_all("script") if not script.get("src")]

    by_year, by_type, by_place = tables_of(soup)
    direct = direct_breakdown("date__year")
    assert by_year == {
        str(year): [format_number(figures[name], language) for name in FIGURES] for year, figures in direct.items()
    }
    labels = dict(ViolationType.objects.filter(locale__language_code=language).values_list("slug", "name"))
    direct = direct_breakdown("violation_type__slug")
    assert by_type == {
        labels[slug]: [format_number(figures[name], language) for name in FIGURES] for slug, figures in direct.items()
    }
    assert len(by_place) == len(direct_breakdown("neighbourhood__slug"))
    totals = [item.get_text(strip=True) for item in soup.select(".totals dd")]
    assert totals == [format_number(direct_figures()[name], language) for name in FIGURES]
    # Western digits in every language, as the site prints numbers (cms/formats), thousands grouped.
    assert totals[1] == "1,229"
    assert not [char for char in soup.select_one("main").get_text() if "\u0660" <= char <= "\u0669"]
    assert CONFIDENTIAL not in soup.get_text()


def test_rtl_charts_run_from_right_to_left(client, sample):
    for language, rightwards in (("en", True), ("ar", False)):
        soup = parse(client.get(f"/{language}/statistics/"))
        chart = soup.select_one("svg#chart-year, svg[aria-labelledby^=chart-year]")
        ticks = [float(tick["x"]) for tick in chart.select("text.chart__tick")]
        assert (ticks == sorted(ticks)) is rightwards, ticks
        label_x = float(chart.select_one("text.chart__label")["x"])
        bar = chart.select_one("rect.chart__bar")
        assert (label_x < float(bar["x"])) is rightwards


def test_the_page_filters_without_javascript_and_refuses_bad_dates(client, sample):
    soup = parse(client.get("/en/statistics/", {"neighbourhood": "silwan", "from": "2024-01-01"}))
    form = soup.select_one("form.filter-form")
    assert form["method"] == "get"
    assert form.select_one("select[name=neighbourhood] option[selected]")["value"] == "silwan"
    totals = [item.get_text(strip=True) for item in soup.select(".totals dd")]
    direct = direct_figures(neighbourhood__slug="silwan", date__gte="2024-01-01")
    assert totals == [format_number(direct[name], "en") for name in FIGURES]

    soup = parse(client.get("/en/statistics/", {"from": "2024-02-30"}, HTTP_ACCEPT_LANGUAGE="en"), status=400)
    assert "YYYY-MM-DD" in soup.select_one(".field__error").get_text()
    assert not soup.select("svg")


@pytest.mark.parametrize("params", [{}, {"neighbourhood": "silwan", "from": "2023-03-15"}])
def test_the_csv_gives_the_numbers_shown(client, sample, params):
    page = parse(client.get("/en/statistics/", params))
    link = page.find("a", string=lambda text: text and "CSV" in text)
    response = client.get("/en/statistics/" + link["href"])

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    lookups = {}
    if "neighbourhood" in params:
        lookups = {"neighbourhood__slug": params["neighbourhood"], "date__gte": params["from"]}
    total = next(row for row in rows if row[0] == "total")
    assert [int(value) for value in total[3:]] == [direct_figures(**lookups)[name] for name in FIGURES]
    years = {row[1]: [int(value) for value in row[3:]] for row in rows if row[0] == "year"}
    assert years == {
        str(year): [figures[name] for name in FIGURES]
        for year, figures in direct_breakdown("date__year", **lookups).items()
    }
    assert CONFIDENTIAL not in response.content.decode("utf-8-sig")


def test_every_locale_has_a_statistics_page(client, site_structure):
    for language in ("ar", "en", "fr"):
        assert site_structure["statistics"][language].locale.language_code == language
        soup = parse(client.get(f"/{language}/statistics/"))
        assert len(soup.select("svg[role=img]")) == 3  # empty charts still say so
