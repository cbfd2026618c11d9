"""``?expand=navigation,breadcrumbs,translations`` on a page's detail: one round trip per page.

The detail gains ``"@components": {"navigation": …, "breadcrumbs": …, "translations": …}`` with
only the requested components, each the same data as its own endpoint (cms/api_navigation.py)
or, for translations, as ``meta.translations``. ``navigation_depth`` (1–5, default 1) sets the
embedded menu's depth. ``pages/find/?html_path=…&expand=…`` answers the detail itself, so it
expands the same way.
"""

from django.utils.translation import gettext as _
from wagtail.api.v2.utils import BadRequestError

from .api_navigation import DEFAULT_DEPTH, breadcrumbs, depth_parameter, navigation, translations

COMPONENTS = ("navigation", "breadcrumbs", "translations")
EXPAND_PARAMETERS = frozenset({"expand", "navigation_depth"})


def expanded_components(query_params):
    """The components ``expand`` asks for, in the order of COMPONENTS; BadRequestError for an unknown one."""
    names = [name.strip() for value in query_params.getlist("expand") for name in value.split(",")]
    unknown = [name for name in names if name not in COMPONENTS]
    if unknown:
        raise BadRequestError(
            _("expand: '%(value)s' is not a component (any of %(choices)s)")
            % {"value": unknown[0], "choices": ", ".join(COMPONENTS)}
        )
    if "navigation_depth" in query_params and "navigation" not in names:
        raise BadRequestError(_("navigation_depth: only together with expand=navigation"))
    return tuple(name for name in COMPONENTS if name in names)


class ExpandComponentsMixin:
    """A pages endpoint whose detail embeds ``@components`` on request; a listing refuses ``expand``."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Merged after the subclass body, so an endpoint that sets its own parameters keeps these.
        cls.known_query_parameters = frozenset(cls.known_query_parameters) | EXPAND_PARAMETERS

    def listing_view(self, request):
        for name in sorted(EXPAND_PARAMETERS & set(request.GET)):
            raise BadRequestError(_("%(parameter)s: only on a single page's detail") % {"parameter": name})
        return super().listing_view(request)

    def detail_view(self, request, pk):
        requested = expanded_components(request.GET)
        depth = depth_parameter(request.GET, "navigation_depth") if "navigation" in requested else DEFAULT_DEPTH
        response = super().detail_view(request, pk)
        if requested:
            page = self.get_object()
            response.data["@components"] = {
                name: component(name, request, page, depth, response.data) for name in requested
            }
        return response


def component(name, request, page, depth, detail):
    """One component of ``page``, whose ``detail`` is serialised already."""
    if name == "navigation":
        return navigation(request, page.locale.language_code, depth)
    if name == "breadcrumbs":
        return breadcrumbs(request, page.pk)
    # The detail lists the translations already, unless ``fields`` left them out.
    meta = detail.get("meta", {})
    return meta["translations"] if "translations" in meta else translations(request, page)
