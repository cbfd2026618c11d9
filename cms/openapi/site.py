"""``/api/v2/site/`` and ``/api/v2/vocabularies/…/`` (cms/api_site.py, cms/api_vocabularies.py)."""

from .components import COMMON_ERRORS, LOCALE_CODE, PAGE_ID, URL, locale_parameter, ref, response, strict_object


def schemas():
    text = strict_object(
        {
            "text": {"type": "string"},
            "language": {
                "type": "string",
                "description": "The language the text is written in: the source language when the requested "
                "one has no text.",
            },
        }
    )
    nullable_text = {"anyOf": [ref("OrganisationText"), {"type": "null"}]}
    return {
        "OrganisationText": text,
        "Site": strict_object(
            {
                "name": {"type": "string"},
                "locale": LOCALE_CODE,
                "locales": {
                    "type": "array",
                    "items": strict_object(
                        {
                            "code": LOCALE_CODE,
                            "name": {"type": "string", "description": "The language's name in itself."},
                            "direction": {"type": "string", "enum": ["rtl", "ltr"]},
                            "root": {
                                "anyOf": [
                                    strict_object(
                                        {
                                            "id": PAGE_ID,
                                            "title": {"type": "string"},
                                            "url": URL,
                                            "detail_url": URL,
                                        },
                                        description="The language's home page.",
                                    ),
                                    {"type": "null", "description": "No public home page in this language."},
                                ]
                            },
                        }
                    ),
                },
                "contact": strict_object(
                    {
                        "email": {"type": "string", "description": "Empty when not set."},
                        "phone": {"type": "string", "description": "Empty when not set."},
                    }
                ),
                "organisation": strict_object(
                    {"name": nullable_text, "description": nullable_text, "address": nullable_text},
                    description="The organisation's texts in the requested language (null: none written).",
                ),
            }
        ),
        "Vocabulary": strict_object(
            {
                "meta": strict_object({"locale": LOCALE_CODE, "total_count": {"type": "integer", "minimum": 0}}),
                "items": {
                    "type": "array",
                    "items": strict_object(
                        {
                            "slug": {"type": "string", "description": "The same in every language; what filters take."},
                            "label": {"type": "string", "description": "The term in the requested language."},
                            "story_count": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Public stories in the requested language using the term.",
                            },
                        }
                    ),
                },
            }
        ),
    }


def locale_operation(operation_id, tag, summary, description, schema):
    return {
        "get": {
            "operationId": operation_id,
            "tags": [tag],
            "summary": summary,
            "description": description + " Any parameter other than `locale` answers 400.",
            "parameters": [locale_parameter()],
            "responses": {
                "200": response(summary + ".", ref(schema)),
                "400": ref("BadRequest", "responses"),
                **COMMON_ERRORS,
            },
        }
    }


def paths():
    return {
        "/api/v2/site/": locale_operation(
            "site",
            "site",
            "The site",
            "Its name, the content languages with their direction and home page, the contact details and the "
            "organisation's texts in the requested language.",
            "Site",
        ),
        "/api/v2/vocabularies/violation-types/": locale_operation(
            "vocabulary_violation_types",
            "vocabularies",
            "Violation types",
            "Every term in the requested language, ordered by label.",
            "Vocabulary",
        ),
        "/api/v2/vocabularies/neighbourhoods/": locale_operation(
            "vocabulary_neighbourhoods",
            "vocabularies",
            "Neighbourhoods",
            "Every term in the requested language, ordered by label.",
            "Vocabulary",
        ),
    }
