"""Is a translation in step with its source?

A translation made with wagtail-localize is written from a *translation source*: a snapshot of the
source object's content taken when it was submitted for translation or last synchronised ("Sync
translated pages", ``TranslationSource.update_from_db``). A translation is **out of date** when

1. the source's content has changed since that snapshot: a translated or synchronised field (as the
   model declares them in ``translatable_fields``) differs between the source as stored now and the
   snapshot. "As stored now" is what synchronising reads: the published content of a live page, the
   latest saved draft of a page not yet published, the row of a snippet. A draft of a live page does
   not make its translations out of date until it is published; or
2. the snapshot is newer than the last time the translation was written from it (the latest
   ``TranslationLog`` for the source and the locale): the source was synchronised but the
   translation has not been saved or published since, so it does not yet carry the new content.

A translation written by hand (no enabled wagtail-localize translation: copied pages, the site's
fixed sections) has no snapshot; such a page is out of date when its source was published after the
translation's latest revision. Such a snippet cannot be told and is never reported out of date.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Max
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import TranslationLog


def declared_content(model, data):
    """The values of ``model``'s translated and synchronised fields in ``data`` (serialised content).

    Child objects are compared by their content: their primary keys and the key to their parent
    change when a page is copied or its children are saved again, without the content changing.
    """
    content = {}
    for translatable in get_translatable_fields(model):
        field = translatable.get_field(model)
        value = data.get(translatable.field_name)
        if isinstance(field, models.ManyToOneRel) and isinstance(value, list):
            ignored = {"pk", "id", field.field.name}
            value = [{key: item for key, item in child.items() if key not in ignored} for child in value]
        content[translatable.field_name] = value
    return content


def current_content(instance):
    """``instance`` serialised as wagtail-localize serialises a translation source's content."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def source_changed_since_sync(instance, translation_source):
    """Whether the source object ``instance`` differs from the snapshot ``translation_source`` holds."""
    model = type(instance)
    return declared_content(model, current_content(instance)) != declared_content(
        model, json.loads(translation_source.content_json)
    )


def last_written(translation_sources):
    """``{(source id, locale id): when a translation was last written from the source}``."""
    rows = (
        TranslationLog.objects.filter(source__in=translation_sources)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
    )
    return {(row["source_id"], row["locale_id"]): row["last"] for row in rows}


def written_before_sync(translation_source, written_at):
    """Whether a translation last written at ``written_at`` (None: never) predates the source's last sync."""
    return written_at is None or written_at < translation_source.last_updated_at


def hand_made_translation_out_of_date(source, target):
    """The rule for a translation without a snapshot: a page edited before its source was last published."""
    if not isinstance(source, Page) or source.last_published_at is None:
        return False
    edited_at = target.latest_revision_created_at or target.last_published_at
    return edited_at is None or edited_at < source.last_published_at
