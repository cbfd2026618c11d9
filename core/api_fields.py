from django.conf import settings
from rest_framework import serializers
from wagtail.models import Page

from core.visibility import public_pages


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
    (the whole listing page) are loaded in one query, so a listing's query count
    does not grow with its length.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "locale": translation.locale.language_code,
                "id": translation.pk,
                "url": _absolute_url(translation, request),
            }
            for translation in self._translations_by_key(page).get(page.translation_key, ())
            if translation.pk != page.pk
        ]

    def _translations_by_key(self, page):
        """``{translation_key: [pages]}`` for every page the root serializer is serialising, loaded once."""
        root = self.root
        loaded = getattr(root, "_public_translations_by_key", None)
        if loaded is None or page.translation_key not in loaded:
            pages = root.instance if isinstance(root, serializers.ListSerializer) else [root.instance]
            keys = {item.translation_key for item in pages if isinstance(item, Page)} | {page.translation_key}
            loaded = {**(loaded or {}), **_public_translations(keys)}
            root._public_translations_by_key = loaded
        return loaded


def _public_translations(translation_keys):
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    found = {key: [] for key in translation_keys}
    for page in public_pages(Page.objects.filter(translation_key__in=translation_keys)).select_related("locale"):
        found[page.translation_key].append(page)
    for pages in found.values():
        pages.sort(key=lambda page: order.get(page.locale.language_code, len(order)))
    return found


def _absolute_url(page, request):
    url = page.get_url(request=request)
    return request.build_absolute_uri(url) if url and request is not None else url
