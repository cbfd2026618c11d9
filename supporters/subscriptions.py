"""What happens to a subscription: sign-up, confirmation, unsubscribing, preferences, erasure.

Views, the API and the admin call these; none of them tells the person asking whether an address
was already on the list. Every answer to a sign-up is the same, and what differs goes by email to
the address itself: a confirmation link for a new, pending or unsubscribed address, a note with
the preferences link for one already confirmed (so nobody can change someone else's choices).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .mail import discard_pending_emails, send_supporter_email
from .subscribers import Subscriber
from .tokens import make_token, read_token
from .topics import TOPICS
from .validation import clean_person_name, normalised_email

CONFIRM = "subscription-confirm"
UNSUBSCRIBE = "subscription-unsubscribe"
PREFERENCES = "subscription-preferences"
# Unsubscribing must work from any old email; a preferences link lasts a year.
PREFERENCES_MAX_AGE = timedelta(days=365)


def confirm_max_age():
    return timedelta(days=settings.SUPPORTERS_CONFIRM_MAX_AGE_DAYS)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def clean_language(value):
    if value not in language_codes():
        raise ValidationError(
            _("Language must be one of: %(codes)s.") % {"codes": ", ".join(language_codes())}, code="invalid"
        )
    return value


def clean_topics(value):
    """A list of known topic slugs, without repeats; none given means every topic."""
    if value is None or value == []:
        return list(TOPICS)
    if not isinstance(value, list) or not all(isinstance(slug, str) for slug in value):
        raise ValidationError(_("Topics must be a list of topic names."), code="invalid")
    unknown = [slug for slug in value if slug not in TOPICS]
    if unknown:
        raise ValidationError(
            _("Unknown topic %(topic)s; topics: %(known)s.") % {"topic": unknown[0][:50], "known": ", ".join(TOPICS)},
            code="invalid",
        )
    return [slug for slug in TOPICS if slug in value]


def clean_sign_up(data):
    """The cleaned ``email``, ``name``, ``language``, ``topics`` from an API sign-up (the language is sent
    as ``locale``), or a ValidationError naming each bad field as the request named it.

    ``consent`` must be exactly true (the JSON boolean, or "on"/"true" from an HTML checkbox).
    """
    cleaned, errors = {}, {}
    checks = {
        "email": lambda: normalised_email(data.get("email"), _("Email")),
        "name": lambda: clean_person_name(data.get("name"), _("Name")),
        "locale": lambda: clean_language(data.get("locale")),
        "topics": lambda: clean_topics(data.get("topics")),
    }
    for field, check in checks.items():
        try:
            cleaned[field] = check()
        except ValidationError as error:
            errors[field] = error.messages
    if data.get("consent") is not True:
        errors["consent"] = [_("Consent must be given (true) to join the mailing list.")]
    if errors:
        raise ValidationError(errors)
    cleaned["language"] = cleaned.pop("locale")
    return cleaned


def absolute_url(request, path):
    return request.build_absolute_uri(path)


def _links(request, subscriber):
    with translation.override(subscriber.language):
        return {
            "confirm_url": absolute_url(
                request, reverse("supporters:confirm", args=[make_token(CONFIRM, subscriber.pk)])
            ),
            "unsubscribe_url": absolute_url(
                request, reverse("supporters:unsubscribe", args=[make_token(UNSUBSCRIBE, subscriber.pk)])
            ),
            "preferences_url": absolute_url(
                request, reverse("supporters:preferences", args=[make_token(PREFERENCES, subscriber.pk)])
            ),
        }


def list_headers(links):
    """RFC 2369 and RFC 8058 headers: mail clients show an unsubscribe button that POSTs to the link."""
    return {
        "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def send_to_subscriber(request, subscriber, template, context=None):
    """Email ``subscriber`` in their language, with the unsubscribe and preferences links and headers."""
    links = _links(request, subscriber)
    send_supporter_email(
        to=subscriber.email,
        template=template,
        context={"name": subscriber.name, **links, **(context or {})},
        language=subscriber.language,
        headers=list_headers(links),
    )


def send_confirmation(request, subscriber):
    send_to_subscriber(request, subscriber, "confirm", {"confirm_days": settings.SUPPORTERS_CONFIRM_MAX_AGE_DAYS})


def sign_up(request, *, email, name, language, topics):
    """Record a sign-up and send the email that fits the address's state; the same for every caller."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
                if subscriber is None:
                    subscriber = Subscriber.objects.create(email=email, name=name, language=language, topics=topics)
                    send_confirmation(request, subscriber)
                elif subscriber.status == Subscriber.Status.CONFIRMED:
                    send_to_subscriber(request, subscriber, "already_subscribed")
                else:
                    # Pending or unsubscribed: a new consent, confirmed again by the link.
                    subscriber.name = name
                    subscriber.language = language
                    subscriber.topics = topics
                    subscriber.status = Subscriber.Status.PENDING
                    subscriber.consented_at = subscriber.status_changed_at = timezone.now()
                    subscriber.confirmed_at = None
                    subscriber.save()
                    send_confirmation(request, subscriber)
                return
        except IntegrityError:
            continue  # two sign-ups of one address at once: the other made the row, go round again


def subscriber_from_token(purpose, token, max_age):
    """The subscriber a link names; raises supporters.tokens.InvalidToken or Subscriber.DoesNotExist."""
    return Subscriber.objects.get(pk=read_token(purpose, token, max_age))


def _set_status(subscriber, status, **fields):
    now = timezone.now()
    subscriber.status = status
    subscriber.status_changed_at = now
    for name, value in fields.items():
        setattr(subscriber, name, now if value is timezone.now else value)
    subscriber.save(update_fields=["status", "status_changed_at", *fields])


def confirm(subscriber):
    if subscriber.status == Subscriber.Status.PENDING:
        _set_status(subscriber, Subscriber.Status.CONFIRMED, confirmed_at=timezone.now)


def unsubscribe(subscriber):
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        _set_status(subscriber, Subscriber.Status.UNSUBSCRIBED)


def resubscribe(subscriber):
    """Back on the list from the preferences page: the signed link proves the address, so no new email."""
    _set_status(subscriber, Subscriber.Status.CONFIRMED, consented_at=timezone.now, confirmed_at=timezone.now)


def erase(subscriber):
    """Forget a subscriber on request: the row and every email still waiting to go to them."""
    with transaction.atomic():
        discard_pending_emails(subscriber.email)
        subscriber.delete()
