"""Preview in a headless front end, when the site has one (``HEADLESS_PREVIEW_URL``).

wagtail-headless-preview does the admin's side: on Preview it stores the draft as the editor's
form holds it (a ``PagePreview`` row, keyed by a signed token naming the page) and sends the
editor to the front end's preview URL with ``content_type`` and ``token``. Every admin preview
route checks Wagtail's own permission before it gets there, so only a user who may preview the
page obtains a token. The front end then asks ``/api/v2/page_preview/`` (cms/api_preview.py),
which calls ``previewed_page`` here.

The library signs its tokens without an age limit and keeps the rows a day; a token is
accepted here for ``HEADLESS_PREVIEW_TOKEN_MAX_AGE`` seconds only, and rows past that age are
removed.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview


class HeadlessPreviewable(HeadlessPreviewMixin):
    """A page type whose Preview goes to the headless front end when one is configured.

    Without ``HEADLESS_PREVIEW_URL`` the library's mixin is skipped: Preview stays Wagtail's own,
    rendered with our templates, so the site works without any front end.
    """

    def serve_preview(self, request, mode_name):
        if not settings.HEADLESS_PREVIEW_URL:
            return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
        remove_expired_previews()
        return super().serve_preview(request, mode_name)


class PreviewTokenError(Exception):
    """The token cannot serve any preview."""


class InvalidPreviewTokenError(PreviewTokenError):
    """Not a token we signed (malformed or tampered with)."""


class ExpiredPreviewTokenError(PreviewTokenError):
    """A token we signed, older than HEADLESS_PREVIEW_TOKEN_MAX_AGE."""


class PreviewNotFoundError(PreviewTokenError):
    """A valid token with no stored preview of that page type."""


def previewable_page_model(label):
    """The page model named ``app_label.model`` (as in the preview URL), or None if no page type has that name."""
    app_label, _dot, model_name = label.partition(".")
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist:
        return None
    return model if model is not None and issubclass(model, HeadlessPreviewable) else None


def signed_identifier(token):
    """What the token was issued for (``id=<page>`` or ``parent_id=<page>;page_type=<label>``), if still valid."""
    signer = HeadlessPreviewMixin.get_preview_signer()
    try:
        return signer.unsign(token, max_age=settings.HEADLESS_PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        PagePreview.objects.filter(token=token).delete()
        raise ExpiredPreviewTokenError from error
    except signing.BadSignature as error:
        raise InvalidPreviewTokenError from error


def previewed_page(model, token):
    """The draft of the ``model`` page the token was issued for, as the editor's form held it."""
    identifier = signed_identifier(token)
    content_type = ContentType.objects.get_for_model(model)
    preview = PagePreview.objects.filter(content_type=content_type, token=token).first()
    if preview is None:
        raise PreviewNotFoundError
    page = preview.as_page()
    if identifier != issued_for(page):
        # Rows are written only under their own token; a mismatch means the row is not that page's.
        raise PreviewNotFoundError
    return page


def issued_for(page):
    """The identifier the library signs for ``page`` (see HeadlessPreviewMixin.create_page_preview)."""
    if page.pk is not None:
        return f"id={page.pk}"
    return f"parent_id={page.get_parent().pk};page_type={page._meta.label}"


def remove_expired_previews():
    """Delete the stored drafts whose token is past its age (the library keeps them a day)."""
    signer = HeadlessPreviewMixin.get_preview_signer()
    expired = []
    for pk, token in PagePreview.objects.values_list("pk", "token"):
        try:
            signer.unsign(token, max_age=settings.HEADLESS_PREVIEW_TOKEN_MAX_AGE)
        except signing.BadSignature:  # SignatureExpired included; anything else is no use either.
            expired.append(pk)
    if expired:
        PagePreview.objects.filter(pk__in=expired).delete()
