"""The product's URLs plus ``/bench/bare/``: the least a Django template view costs on the same stack."""

from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path

from cms.urls import urlpatterns as product_urlpatterns

# A small page through the template engine (i18n tags, a loop, a variable), no database and no cache.
BARE_TEMPLATE = engines["django"].from_string(
    """{% load i18n %}<!doctype html><html lang="{{ LANGUAGE_CODE }}"><head><meta charset="utf-8">
<title>{% translate "Search" %}</title></head><body><h1>{{ heading }}</h1>
<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul></body></html>"""
)


def bare(request):
    return TemplateResponse(request, BARE_TEMPLATE, {"heading": "Munasara", "items": range(20)})


urlpatterns = [path("bench/bare/", bare), *product_urlpatterns]
