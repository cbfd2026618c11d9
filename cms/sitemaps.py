from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.visibility import public_pages


class PublicSitemap(Sitemap):
    """Every public page of the site, in every language (Wagtail's own lists only the root page's locale)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        home_pages = root.get_translations(inclusive=True)
        tree = Page.objects.none()
        for home in home_pages:
            tree |= Page.objects.descendant_of(home, inclusive=True)
        return public_pages(tree).order_by("path").defer_streamfields().specific()
