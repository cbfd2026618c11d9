"""Schemathesis against /api/v2/schema/: generated requests to every operation, valid and invalid.

The schema is loaded from the running Django app (WSGI) over a database holding every page type in
ar/en/fr (``site_pages``). Each answer must not be a server error, and its status, content type and
body must be what the schema says. Examples are derandomised and bounded per operation, so the run is
repeatable and fast enough for every ``make test``.

The operations are driven with Hypothesis directly (``APIOperation.as_strategy``) inside one test,
so the database is filled once: schemathesis' own lazy pytest loader does not run under pytest 9.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.cms.menus import show_sections_in_menus
from tests.cms.search_index import index_every_page

# Each request commits as in production: on PostgreSQL a database error inside one request (even one
# answered 400) would otherwise abort the test's transaction and fail every request after it.
pytestmark = pytest.mark.django_db(transaction=True)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def failures_of(operation, mode):
    """The failures Hypothesis finds for ``operation`` in ``mode``, shrunk to the simplest request."""

    @EXAMPLES
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        case.call_and_validate(checks=CHECKS)

    try:
        run()
    except Unsatisfiable:
        if mode is not schemathesis.GenerationMode.NEGATIVE:
            raise
        return []  # Nothing in this operation's request can be made invalid (no parameters).
    except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 — every failure is reported, with its request
        return [f"{mode.value} {operation.method.upper()} {operation.path}:\n{error}"]
    return []


def test_every_operation_answers_as_the_schema_says(site_pages):
    show_sections_in_menus(site_pages)
    index_every_page()
    schema = schemathesis.openapi.from_wsgi("/api/v2/schema/", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == len([method for path in schema.raw_schema["paths"].values() for method in path])
    failures = []
    for operation in operations:
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            failures += failures_of(operation, mode)
    assert not failures, "\n\n".join(failures)
