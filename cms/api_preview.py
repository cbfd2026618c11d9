"""``GET /api/v2/page_preview/?content_type=…&token=…``: a draft for the headless front end's preview.

The admin's Preview sends the editor to ``HEADLESS_PREVIEW_URL`` with these two parameters
(core/headless_preview.py); the front end asks this endpoint for the draft and renders it. The
answer is the pages detail of that page type (the same serializer as ``/api/v2/pages/<id>/``),
built from the draft as the editor's form held it when Preview was pressed.

The token is the only credential: signed, valid ``HEADLESS_PREVIEW_TOKEN_MAX_AGE`` seconds, and
good for the one page it was issued for. A missing or malformed parameter answers 400, a token
that is not ours or has expired 403, a valid token without a preview of that page type 404 —
always JSON with a ``message``. A story draft holding data from its survivor record is refused
(403) like its publication. Answers are never cached. Nowhere else does the API serve a draft.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

from core.headless_preview import (
    ExpiredPreviewTokenError,
    InvalidPreviewTokenError,
    PreviewNotFoundError,
    previewable_page_model,
    previewed_page,
)
from stories.models import StoryPage
from stories.private_guard import private_data_reason
from stories.services import is_withdrawn

from .api import PublicPagesAPIViewSet, api_router

REQUIRED_PARAMETERS = ("content_type", "token")
# ``fields`` chooses fields as on the pages detail; ``format`` and ``_`` are Wagtail's harmless extras.
OPTIONAL_PARAMETERS = ("fields", "format", "_")


class PagePreviewAPIViewSet(PublicPagesAPIViewSet):
    """The pages detail, for the draft a preview token was issued for."""

    def preview_view(self, request):
        # Serialise as the detail does (detail-only fields such as meta.parent included).
        self.action = "detail_view"
        page = self.get_object()
        being_created = page.pk is None
        if being_created:
            page.pk = 0  # Wagtail's serializer needs a number to build the detail URL it then drops.
        data = self.get_serializer(page).data
        if being_created:
            # A page being created has no address of its own yet.
            data["id"] = None
            data["meta"]["detail_url"] = None
            data["meta"]["html_url"] = None
            if "canonical_url" in data["meta"]:
                data["meta"]["canonical_url"] = None
        return Response(data)

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = self.find_draft(self.request.GET)
        return self._cached_object

    @staticmethod
    def find_draft(query):
        for name in query:
            if name not in REQUIRED_PARAMETERS + OPTIONAL_PARAMETERS:
                raise BadRequestError(_("%(parameter)s: unknown parameter") % {"parameter": name})
        for name in REQUIRED_PARAMETERS:
            if not query.get(name):
                raise BadRequestError(_("%(parameter)s: this parameter is required") % {"parameter": name})
        model = previewable_page_model(query["content_type"])
        if model is None:
            raise BadRequestError(_("content_type: '%(value)s' is not a page type") % {"value": query["content_type"]})
        try:
            page = previewed_page(model, query["token"])
        except InvalidPreviewTokenError as error:
            raise PermissionDenied(_("token: the preview token is not valid")) from error
        except ExpiredPreviewTokenError as error:
            raise PermissionDenied(_("token: the preview token has expired; press Preview again")) from error
        except PreviewNotFoundError as error:
            raise Http404(_("No preview for this token and content type")) from error
        if isinstance(page, StoryPage):
            withheld = private_data_reason(page)
            if withheld:
                # The same rule as publishing: the survivor record's data never leaves the admin.
                raise PermissionDenied(withheld)
            if is_withdrawn(page):
                # A withdrawal wins over every action: the story stays inside the admin, whose own
                # preview still shows it to its editors; it is not handed to an outside front end.
                raise PermissionDenied(
                    _("token: the survivor has withdrawn consent; this story cannot be previewed outside the admin")
                )
        return page


page_preview = never_cache(api_router.wrap_view(PagePreviewAPIViewSet.as_view({"get": "preview_view"})))
