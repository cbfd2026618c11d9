"""Wagtail's database search backend with Arabic normalisation at index and query time.

The backend module picks the SQLite FTS5, PostgreSQL or fallback implementation
for the current database (as Wagtail's does) and mixes in two small changes:
every searchable value goes through :func:`search.arabic.index_text` before it
is written to the index table, and every query string through
:func:`search.arabic.query_text` before it is matched. The database's own
tokenizer then sees the same normalised, lightly stemmed words on both sides.
"""

import copy

from modelsearch.backends import database as stock_database
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from search import arabic


def _normalised_field(field):
    if isinstance(field, RelatedFields):
        clone = copy.copy(field)
        clone.fields = [_normalised_field(sub_field) for sub_field in field.fields]
        return clone
    if isinstance(field, (SearchField, AutocompleteField)):
        clone = copy.copy(field)
        original = field.get_value

        def get_value(obj):
            value = original(obj)
            if isinstance(value, (list, tuple)):
                return [arabic.index_text(item) for item in value]
            return arabic.index_text(value) if value is not None else value

        clone.get_value = get_value
        return clone
    return field


class NormalisingIndexMixin:
    def add_items(self, model, objs):
        fields = [_normalised_field(field) for field in model.get_search_fields()]
        objs = list(objs)
        for obj in objs:
            # The indexer asks the instance for its search fields; hand it the normalising copies.
            obj.get_search_fields = lambda fields=fields: fields
        try:
            return super().add_items(model, objs)
        finally:
            for obj in objs:
                obj.__dict__.pop("get_search_fields", None)

    def add_item(self, obj):
        return self.add_items(type(obj), [obj])


def normalise_query(query):
    """A copy of a Wagtail search query with every query string normalised."""
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        text = arabic.query_text(query.query_string)
        if not text:
            return query
        clone = copy.copy(query)
        clone.query_string = text
        return clone
    if isinstance(query, (And, Or)):
        clone = copy.copy(query)
        clone.subqueries = [normalise_query(sub) for sub in query.subqueries]
        return clone
    if isinstance(query, (Not, Boost)):
        clone = copy.copy(query)
        clone.subquery = normalise_query(query.subquery)
        return clone
    return query


class NormalisingQueryCompilerMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = normalise_query(self.query)


_classes = {}


def _normalising_class(backend_class):
    """A subclass of one of Wagtail's database backends with the mixins above."""
    if backend_class not in _classes:
        index_class = type(
            "Normalising" + backend_class.index_class.__name__,
            (NormalisingIndexMixin, backend_class.index_class),
            {},
        )
        attrs = {"index_class": index_class}
        for name in ("query_compiler_class", "autocomplete_query_compiler_class"):
            compiler = getattr(backend_class, name, None)
            if compiler is not None:
                attrs[name] = type("Normalising" + compiler.__name__, (NormalisingQueryCompilerMixin, compiler), {})
        _classes[backend_class] = type("Normalising" + backend_class.__name__, (backend_class,), attrs)
    return _classes[backend_class]


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    stock = stock_database.SearchBackend(dict(params))
    if stock.index_class.__name__ == "BaseIndex":
        return stock  # The fallback backend searches the model fields directly: nothing to normalise.
    backend_class = _normalising_class(type(stock))
    return backend_class(params)
