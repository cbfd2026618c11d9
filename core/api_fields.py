from rest_framework import serializers

from .api_references import page_url, references_for


class VocabularyTermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PageLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    type = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def get_type(self, page):
        return f"{page._meta.app_label}.{type(page).__name__}"

    def get_url(self, page):
        return page.get_url()


class PageTranslationsField(serializers.Field):
    """``meta.translations``: the page's live public translations in the other languages.

    ``[{"locale": "en", "id": 12, "url": "https://host/en/…"}]`` in the order of
    ``settings.LANGUAGES``; the page itself is not listed (its own locale and URL are
    ``meta.locale`` and ``meta.html_url``). Drafts, restricted pages and unconsented
    stories are left out through ``public_pages``. URLs are absolute on the request's
    host, like the search API's. The translations of every page being serialised
    (the whole listing page) are loaded in one query with the response's other page
    references (``core.api_references``), so a listing's query count does not grow with its length.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {"locale": translation.locale.language_code, "id": translation.pk, "url": page_url(request, translation)}
            for translation in references_for(self).translations(page)
            if translation.pk != page.pk
        ]


class AnnotatedField(serializers.Field):
    """A value the API's queryset computes in SQL for every page at once, read from its annotation.

    ``annotation`` makes the expression; ``cms.api`` annotates querysets of the model with it as
    ``api_<field name>``. A page loaded otherwise falls back to the model attribute of the same name.
    """

    def __init__(self, annotation, **kwargs):
        self.annotation = annotation
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        annotated = f"api_{self.field_name}"
        return getattr(instance, annotated) if hasattr(instance, annotated) else getattr(instance, self.field_name)

    def to_representation(self, value):
        return value
