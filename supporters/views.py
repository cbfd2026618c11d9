"""The public pages of the mailing list: the sign-up form's answer, and the pages the emailed links open.

Pages reached through a signed link act on one subscriber, so they are never cached
(``never_cache``: the response cache and browsers keep nothing).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .abuse import RateLimited, check_rate_limits, honeypot_filled
from .forms import PreferencesForm, SignUpForm
from .subscribers import Subscriber
from .subscriptions import (
    CONFIRM,
    PREFERENCES,
    PREFERENCES_MAX_AGE,
    UNSUBSCRIBE,
    confirm,
    confirm_max_age,
    resubscribe,
    sign_up,
    subscriber_from_token,
    unsubscribe,
)
from .tokens import InvalidToken, make_token

SIGN_UP_SCOPE = "subscribe"


def too_many_requests(request, retry_after):
    message = _("Too many requests from your address. Please wait %(seconds)s seconds and try again.") % {
        "seconds": retry_after
    }
    response = render(request, "too_many_requests.html", {"message": message}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def handle_sign_up(request, *, template, context=None):
    """Process a posted SignUpForm: redirect to the "check your inbox" page, or re-render ``template``
    with the errors (400), or answer 429. A filled honeypot gets the same redirect and does nothing."""
    form = SignUpForm(request.POST, language=request.LANGUAGE_CODE)
    if honeypot_filled(request.POST):
        return redirect("supporters:check_inbox")
    email = form.cleaned_data.get("email") if form.is_valid() else None
    try:
        check_rate_limits(request, email=email, scope=SIGN_UP_SCOPE)
    except RateLimited as limited:
        return too_many_requests(request, limited.retry_after)
    if email is None:
        return render(request, template, {**(context or {}), "sign_up_form": form}, status=400)
    data = form.cleaned_data
    sign_up(request, email=email, name=data["name"], language=data["language"], topics=data["topics"])
    return redirect("supporters:check_inbox")


def _same_origin(request):
    """Whether a browser sent this POST from one of our pages (Origin, else Referer; neither: not a
    browser's cross-site form, which always sends Origin)."""
    if request.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site"):
        return False
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return True
    if source == "null":
        return False
    parts = urlsplit(source)
    origin = f"{parts.scheme}://{parts.netloc}"
    return origin == f"{request.scheme}://{request.get_host()}" or origin in settings.CSRF_TRUSTED_ORIGINS


# The footer's form is on every page, and every page is served from the response cache to visitors
# without cookies: a CSRF token in it would either be another visitor's or stop all caching. So this
# one form is checked by origin instead of by token. A forged sign-up could do no more than send a
# confirmation email, which the rate limits cap.
@csrf_exempt
@require_POST
def footer_sign_up(request):
    if not _same_origin(request):
        return HttpResponseForbidden(_("This form can only be sent from this site."))
    return handle_sign_up(request, template="supporters/sign_up.html")


@require_GET
def check_inbox(request):
    return render(request, "supporters/check_inbox.html")


def _invalid_link(request):
    return render(request, "supporters/invalid_link.html", status=400)


def _subscriber(purpose, token, max_age):
    try:
        return subscriber_from_token(purpose, token, max_age)
    except (InvalidToken, Subscriber.DoesNotExist):
        return None


@never_cache
@require_GET
def confirm_view(request, token):
    subscriber = _subscriber(CONFIRM, token, confirm_max_age())
    if subscriber is None:
        return _invalid_link(request)
    confirm(subscriber)
    if subscriber.status != Subscriber.Status.CONFIRMED:
        return _invalid_link(request)  # unsubscribed since: an old confirmation link does not bring them back
    return render(request, "supporters/confirmed.html", {"preferences_token": _token(PREFERENCES, subscriber)})


def _token(purpose, subscriber):
    return make_token(purpose, subscriber.pk)


# RFC 8058: a mail client's one-click button POSTs "List-Unsubscribe=One-Click" to this address with no
# cookie and no token of ours, so the POST is exempt from CSRF by design; the signed link is the proof.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    subscriber = _subscriber(UNSUBSCRIBE, token, None)
    if subscriber is None:
        if request.method == "POST":
            return HttpResponse(_("This unsubscribe link is not valid."), status=400, content_type="text/plain")
        return _invalid_link(request)
    unsubscribe(subscriber)
    if request.method == "POST":
        return HttpResponse(_("You have been unsubscribed."), content_type="text/plain; charset=utf-8")
    return render(request, "supporters/unsubscribed.html", {"preferences_token": _token(PREFERENCES, subscriber)})


@never_cache
@require_http_methods(["GET", "POST"])
def preferences_view(request, token):
    subscriber = _subscriber(PREFERENCES, token, PREFERENCES_MAX_AGE)
    if subscriber is None:
        return _invalid_link(request)
    status = 200
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        action = request.POST.get("action")
        if action == "unsubscribe":
            unsubscribe(subscriber)
            messages.success(request, _("You have been unsubscribed."))
            return redirect("supporters:preferences", token=token)
        if form.is_valid():
            subscriber.language = form.cleaned_data["language"]
            subscriber.topics = form.cleaned_data["topics"]
            subscriber.save(update_fields=["language", "topics"])
            if action == "resubscribe" and subscriber.status == Subscriber.Status.UNSUBSCRIBED:
                resubscribe(subscriber)
                messages.success(request, _("Welcome back: you are on the mailing list again."))
            else:
                messages.success(request, _("Your preferences are saved."))
            with translation.override(subscriber.language):
                return redirect("supporters:preferences", token=token)
        status = 400
    else:
        form = PreferencesForm(initial={"language": subscriber.language, "topics": subscriber.topics})
    return render(
        request, "supporters/preferences.html", {"form": form, "subscriber_status": subscriber.status}, status=status
    )
