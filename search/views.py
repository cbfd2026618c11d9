from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core.visibility import public_pages

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()
    locale = Locale.objects.filter(language_code=get_language()).first()
    results = Page.objects.none()
    if query and locale:
        pages = public_pages(Page.objects.filter(locale=locale)).specific()
        results = pages.search(query)
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": page_obj})
