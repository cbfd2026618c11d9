"""Which engine backend ``ELASTICSEARCH_ENGINE`` names: the one mapping, read by settings, tests and benchmarks.

A pure module (no Django import), so ``cms/settings`` can read it while the settings are loading
and the benchmarks before Django starts.
"""

DEFAULT_ENGINE = "elasticsearch9"

# Engine name -> our backend class (search/backends/engine.py). Each name is also the name of
# Wagtail's stock backend module for that engine, which the relevance benchmark compares against.
ENGINE_BACKENDS = {
    "elasticsearch9": "search.backends.engine.Elasticsearch9Backend",
    "opensearch2": "search.backends.engine.OpenSearch2Backend",
    "opensearch3": "search.backends.engine.OpenSearch3Backend",
}


class UnknownEngineError(ValueError):
    def __init__(self, name):
        super().__init__(f"ELASTICSEARCH_ENGINE={name!r} is not one of {', '.join(sorted(ENGINE_BACKENDS))}.")


def backend_path(name=None):
    """The dotted path of our backend class for an engine name (the default engine when ``name`` is empty)."""
    name = name or DEFAULT_ENGINE
    if name not in ENGINE_BACKENDS:
        raise UnknownEngineError(name)
    return ENGINE_BACKENDS[name]


def stock_backend_path(name=None):
    """Wagtail's own, unextended backend module for the same engine (for comparisons)."""
    name = name or DEFAULT_ENGINE
    backend_path(name)  # Same names, same check.
    return f"wagtail.search.backends.{name}"
