"""``/api/v2/statistics/`` (monitoring/api.py) and the report page's own fields (monitoring/api_fields.py)."""

from monitoring.statistics import FIGURES

from .components import COMMON_ERRORS, LOCALE_CODE, URL, locale_parameter, query_parameter, ref, response, strict_object

COUNT = {"type": "integer", "minimum": 0}
FIGURE_DESCRIPTIONS = {
    "incidents": "Verified incidents.",
    "people_affected": "People affected by them.",
    "children_affected": "Of whom children.",
    "women_affected": "Of whom women.",
}


def _figures(extra):
    return strict_object({**extra, **{name: {**COUNT, "description": FIGURE_DESCRIPTIONS[name]} for name in FIGURES}})


def _term(what):
    return {
        "slug": {"type": "string", "description": f"The {what}'s slug, the same in every language."},
        "label": {"type": "string", "description": f"The {what} in the requested language."},
    }


def schemas():
    date_or_null = {"type": ["string", "null"], "format": "date"}
    slug_or_null = {"type": ["string", "null"]}
    vocabulary_term = strict_object({"slug": {"type": "string"}, "name": {"type": "string"}})
    return {
        "Statistics": strict_object(
            {
                "meta": strict_object(
                    {
                        "locale": LOCALE_CODE,
                        "filters": strict_object(
                            {
                                "from": date_or_null,
                                "to": date_or_null,
                                "violation_type": slug_or_null,
                                "neighbourhood": slug_or_null,
                            }
                        ),
                    }
                ),
                "totals": _figures({}),
                "by_year": {"type": "array", "items": _figures({"year": {"type": "integer"}})},
                "by_violation_type": {"type": "array", "items": _figures(_term("violation type"))},
                "by_neighbourhood": {"type": "array", "items": _figures(_term("neighbourhood"))},
            }
        ),
        "StatisticsError": strict_object(
            {
                "error": {"type": "string"},
                "errors": {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "description": "One message per bad parameter, by its name.",
                },
            }
        ),
        "ReportDocument": strict_object(
            {
                "id": {"type": "integer", "minimum": 1},
                "title": {"type": "string"},
                "filename": {"type": "string"},
                "download_url": {**URL, "description": "Through the document view, which checks its privacy."},
            }
        ),
        "ReportIncident": strict_object(
            {
                "key": {"type": "string"},
                "date": {"type": "string", "format": "date"},
                "date_end": date_or_null,
                "violation_type": vocabulary_term,
                "neighbourhood": vocabulary_term,
                "people_affected": COUNT,
                "children_affected": COUNT,
                "women_affected": COUNT,
                "description": {"type": "string", "description": "In the page's language, else Arabic."},
                "sources": {
                    "type": "array",
                    "description": "The public sources (never a confidential one).",
                    "items": strict_object(
                        {"type": {"type": "string"}, "type_label": {"type": "string"}, "reference": {"type": "string"}}
                    ),
                },
            }
        ),
    }


def paths():
    date = {"type": "string", "format": "date"}
    return {
        "/api/v2/statistics/": {
            "get": {
                "operationId": "statistics",
                "tags": ["statistics"],
                "summary": "Statistics of verified incidents",
                "description": "Totals of verified incidents and of the people they affected, by year, violation "
                "type and neighbourhood, labelled in the requested language. Any other parameter answers 400.",
                "parameters": [
                    locale_parameter(),
                    query_parameter("from", date, "Incidents on or after this day (YYYY-MM-DD)."),
                    query_parameter("to", date, "Incidents on or before this day (YYYY-MM-DD), not before `from`."),
                    query_parameter("violation_type", {"type": "string"}, "A violation type's slug."),
                    query_parameter("neighbourhood", {"type": "string"}, "A neighbourhood's slug."),
                ],
                "responses": {
                    "200": response("The figures.", ref("Statistics")),
                    "400": response("Bad parameters, each named.", ref("StatisticsError")),
                    **COMMON_ERRORS,
                },
            }
        }
    }
