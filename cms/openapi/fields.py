"""JSON Schemas of API fields, derived from the models and serializers that produce them.

A plain model field (text, number, date, choice) is described from its Django definition; a
field serialised by a custom serializer or computed by a property must be described in
``SERIALIZER_SCHEMAS`` or ``PROPERTY_SCHEMAS``. A field the API exposes that nothing here can
describe raises :class:`UndescribedFieldError`, so the schema cannot silently fall behind the models.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from rest_framework import serializers as drf
from wagtail.fields import StreamField

from core.api_body import RenditionField, StreamBodyField
from core.api_fields import PageLinkSerializer, PageTranslationsField, VocabularyTermSerializer
from monitoring.api_fields import ReportDocumentField, ReportIncidentsField

from .components import ref
from .streams import stream_name


class UndescribedFieldError(LookupError):
    """An API field whose shape the schema does not know: describe it in cms/openapi/fields.py."""


def nullable(schema):
    """``schema`` or null (JSON Schema 2020-12 / OpenAPI 3.1 style)."""
    if "$ref" in schema or "oneOf" in schema or "anyOf" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {**schema, "type": [*kinds, "null"]}


def _serializer_schema(serializer):
    """The schema of a value produced by a DRF serializer or field given in an ``APIField``."""
    many = isinstance(serializer, drf.ListSerializer)
    child = serializer.child if many else serializer
    for serializer_class, schema in SERIALIZER_SCHEMAS.items():
        if isinstance(child, serializer_class):
            return {"type": "array", "items": schema} if many else schema
    raise UndescribedFieldError(f"no schema for the serializer {type(child).__name__}")


def _model_field_schema(field):
    """The schema of a concrete Django field as Wagtail's API serialises it (through DRF)."""
    if isinstance(field, StreamField):
        return {**ref(stream_name(field.stream_block)), "description": str(field.verbose_name).capitalize() + "."}
    schema = None
    if field.choices:
        schema = {"type": "string", "enum": [str(value) for value, _label in field.flatchoices]}
    elif isinstance(field, models.URLField):
        schema = {"type": "string", "description": "An absolute URL, or empty."}
    elif isinstance(field, (models.CharField, models.TextField, models.SlugField)):
        schema = {"type": "string"}
        if field.max_length:
            schema["maxLength"] = field.max_length
    elif isinstance(field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, (models.PositiveIntegerField, models.PositiveSmallIntegerField)):
        schema = {"type": "integer", "minimum": 0}
    elif isinstance(field, (models.IntegerField, models.AutoField)):
        schema = {"type": "integer"}
    if schema is None:
        raise UndescribedFieldError(f"no schema for the model field {field.model.__name__}.{field.name}")
    label = str(getattr(field, "verbose_name", "") or "")
    if label and "description" not in schema:
        schema["description"] = label[:1].upper() + label[1:] + "."
    return nullable(schema) if field.null else schema


def field_schema(model, name, serializer=None, overrides=None):
    """The schema of the API field ``name`` of ``model``, given the ``APIField``'s serializer if any.

    ``overrides`` maps field names to schemas for fields an endpoint computes itself (``meta.type``).
    """
    if overrides and name in overrides:
        return overrides[name]
    for klass in model.__mro__:
        if (klass, name) in PROPERTY_SCHEMAS:
            return PROPERTY_SCHEMAS[klass, name]
    if isinstance(serializer, StreamBodyField):
        return _model_field_schema(model._meta.get_field(name))
    if serializer is not None:
        schema = _serializer_schema(serializer)
        # Wagtail answers null for an empty relation without asking the serializer.
        column = next((field for field in model._meta.concrete_fields if field.name == name), None)
        return nullable(schema) if column is not None and column.null else schema
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        raise UndescribedFieldError(f"no schema for {model._meta.label}.{name} (a property?)") from None
    if not field.concrete or field.is_relation:
        raise UndescribedFieldError(f"no schema for the relation {model._meta.label}.{name}")
    return _model_field_schema(field)


def api_fields_schemas(model, api_fields, overrides=None):
    """``{name: schema}`` for the ``APIField``s (or names) of an endpoint's model, in their order."""
    schemas = {}
    for api_field in api_fields:
        name = getattr(api_field, "name", api_field)
        serializer = getattr(api_field, "serializer", None)
        schemas[name] = field_schema(model, name, serializer, overrides)
    return schemas


#: Serializers given to ``APIField``s, by class (checked with isinstance, most specific first).
SERIALIZER_SCHEMAS = {
    VocabularyTermSerializer: ref("VocabularyTerm"),
    PageLinkSerializer: ref("PageLink"),
    RenditionField: {"anyOf": [ref("Rendition"), {"type": "null"}]},
    PageTranslationsField: {"type": "array", "items": ref("Translation")},
    ReportDocumentField: {"anyOf": [ref("ReportDocument"), {"type": "null"}]},
    ReportIncidentsField: {"type": "array", "items": ref("ReportIncident")},
}


def _property_schemas():
    from campaigns.models import CampaignPage
    from stories.models import StoryPage

    from .campaign_actions import detail_schemas

    return {
        **{(CampaignPage, name): schema for name, schema in detail_schemas().items()},
        (StoryPage, "anonymised"): {
            "type": "boolean",
            "description": "Whether the story is told without the survivor's real name (from the consent record).",
        },
    }


#: Fields computed by the API or a model property, by (model class, name).
PROPERTY_SCHEMAS = _property_schemas()
