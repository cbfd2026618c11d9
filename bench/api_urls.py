"""The product's URLs plus ``/bench/ceiling/``: the least a Django JSON view can cost on the same stack."""

from django.http import JsonResponse
from django.urls import path

from cms.urls import urlpatterns as product_urlpatterns


def ceiling(request):
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/ceiling/", ceiling), *product_urlpatterns]
