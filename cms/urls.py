from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.share_card import share_card_view
from monitoring import api as monitoring_api
from search import views as search_views
from supporters import actions_urls as campaign_actions_urls
from supporters import urls as supporters_urls

from . import health, well_known
from .api import api_router
from .api_navigation import api_breadcrumbs, api_navigation
from .api_preview import page_preview
from .api_site import api_site
from .api_vocabularies import neighbourhoods, violation_types
from .openapi import views as openapi_views
from .sitemaps import PublicSitemap
from .two_factor import TokenLoginView

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # wagtail-2fa's code page with a form that works with django-otp >= 1.7.1 (cms/two_factor.py).
    path("admin/2fa/auth", TokenLoginView.as_view(), name="wagtail_2fa_auth"),
    # CSV exports of a campaign's signatures and letters (staff with the export permission).
    path("admin/campaign-actions/", include(campaign_actions_urls.admin_urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/search/", search_views.api_search, name="api_search"),
    path("api/v2/search/suggest/", search_views.api_suggest, name="api_search_suggest"),
    path("api/v2/site/", api_site, name="api_site"),
    path("api/v2/statistics/", monitoring_api.statistics, name="api_statistics"),
    path("api/v2/vocabularies/violation-types/", violation_types, name="api_violation_types"),
    path("api/v2/vocabularies/neighbourhoods/", neighbourhoods, name="api_neighbourhoods"),
    path("api/v2/page_preview/", page_preview, name="api_page_preview"),
    path("api/v2/navigation/", api_navigation, name="api_navigation"),
    path("api/v2/pages/<int:pk>/breadcrumbs/", api_breadcrumbs, name="api_breadcrumbs"),
    path("api/v2/mailing-list/", include(supporters_urls.api_urlpatterns)),
    path("api/v2/campaigns/", include(campaign_actions_urls.api_urlpatterns)),
    path("api/v2/schema/", openapi_views.schema, name="api_schema"),
    path("api/v2/docs/", openapi_views.docs, name="api_docs"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PublicSitemap}}),
    path("healthz", health.liveness, name="healthz"),
    path("readyz", health.readiness, name="readyz"),
    path(".well-known/security.txt", well_known.security_txt, name="security_txt"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # The picture a shared link shows for a public page without a hero image (core/share_card.py).
    path("share-card/<int:pk>.png", share_card_view, name="share_card"),
]

if settings.SERVE_MEDIA:
    # Uploaded images and documents, except the files of those no public page uses
    # (core.media); a deployment with object storage or a front proxy turns this off
    # with SERVE_MEDIA=false.
    from core.media import serve_media

    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve_media)]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("campaign-actions/", include(campaign_actions_urls.site_urlpatterns)),
    path("mailing-list/", include(supporters_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
