"""Health checks for the process supervisor and the load balancer, never cached.

``/healthz`` (liveness) says the process answers and touches nothing else, so an outage of the
database does not get healthy workers restarted. ``/readyz`` (readiness) says whether the worker
can serve: the database answers, and the search engine when one is configured; a 503 names what
does not answer, so the balancer takes the worker out of rotation until it does. Neither says
more than "ok" or "unavailable" about anything: no versions, hosts or errors for a passer-by.
"""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from search.connection import engine_backend

OK = "ok"
UNAVAILABLE = "unavailable"


@never_cache
@require_safe
def liveness(request):
    return JsonResponse({"status": OK})


@never_cache
@require_safe
def readiness(request):
    checks = {"database": _database(), "search_engine": _search_engine()}
    ready = UNAVAILABLE not in checks.values()
    return JsonResponse({"status": OK if ready else UNAVAILABLE, "checks": checks}, status=200 if ready else 503)


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return UNAVAILABLE
    return OK


def _search_engine():
    backend = engine_backend()
    if backend is None:
        return "not configured"  # The database backend answers the search.
    try:
        return OK if backend.ping() else UNAVAILABLE
    except Exception:  # The client raises its own connection errors, by engine.  # noqa: BLE001
        return UNAVAILABLE
