"""What signing a petition and writing a letter do, shared by the site's forms and the JSON API.

A signature or letter is written unconfirmed and the supporter gets an email with a signed link
(supporters.tokens); only following it makes the signature count, or sends the letter to the targets.
Nothing tells the sender whether the address had already signed: the answer is the same, and a
pending signature gets its link again. Each confirmation sends ``campaign_counts_changed``, on which
the cache invalidation (caching/signals.py) purges the campaign's pages and API answers.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone, translation

from campaigns.models import CampaignPage
from core.visibility import public_pages

from .letters import CampaignLetter, SentLetter, letter_for, signed_letter_text_for
from .mail import send_supporter_email
from .petitions import CampaignPetition, PetitionSignature
from .tokens import InvalidToken, make_token, read_token

SIGNATURE_PURPOSE = "petition-signature"
LETTER_PURPOSE = "campaign-letter"

#: Sent with ``page`` (a CampaignPage) when a confirmation changes a counter the public sees.
campaign_counts_changed = Signal()


def confirmation_max_age():
    return timedelta(days=settings.SUPPORTERS_CONFIRM_MAX_AGE_DAYS)


def public_campaign(page_id):
    """The public campaign with this id (any translation), or None."""
    return public_pages(CampaignPage.objects.filter(pk=page_id)).first()


def campaign_in_language(campaign_key, language):
    """The public campaign of ``campaign_key`` in ``language``, else any public translation of it."""
    campaigns = public_pages(CampaignPage.objects.filter(translation_key=campaign_key)).select_related("locale")
    campaigns = list(campaigns)
    return next((page for page in campaigns if page.locale.language_code == language), None) or next(
        iter(campaigns), None
    )


def _confirm_path(url_name, purpose, row):
    """The confirmation link's path, in the language the supporter wrote in (its page answers in it)."""
    with translation.override(row.language):
        return reverse(url_name, args=[make_token(purpose, row.pk)])


def sign_petition(campaign, data, *, language, absolute_url):
    """Record a pending signature of ``campaign``'s petition from a form's ``cleaned_data`` and email its link.

    ``absolute_url(path)`` makes the link absolute. Returns nothing the caller may show: the same
    happens whether or not the address had signed before.
    """
    key = campaign.translation_key
    with transaction.atomic():
        signature = PetitionSignature.objects.filter(campaign_key=key, email=data["email"]).first()
        if signature is not None and signature.confirmed_at is not None:
            return
        if signature is None:
            try:
                with transaction.atomic():
                    signature = PetitionSignature.objects.create(
                        campaign_key=key,
                        language=language,
                        name=data["name"],
                        email=data["email"],
                        country=data["country"],
                        comment=data.get("comment", ""),
                        may_contact=data.get("may_contact", False),
                        show_first_name=data.get("show_first_name", False),
                    )
            except IntegrityError:
                return  # the same address signed at the same moment
        link = absolute_url(_confirm_path("supporters_confirm_signature", SIGNATURE_PURPOSE, signature))
        send_supporter_email(
            to=signature.email,
            template="actions/petition_confirm",
            context={"name": signature.name, "campaign": campaign.title, "confirm_url": link},
            language=signature.language,
        )


def confirm_signature(token):
    """Count the signature ``token`` names; returns it, or raises InvalidToken."""
    pk = read_token(SIGNATURE_PURPOSE, token, confirmation_max_age())
    with transaction.atomic():
        counted = PetitionSignature.objects.filter(pk=pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
        signature = PetitionSignature.objects.filter(pk=pk).first()
        if signature is None:
            raise InvalidToken("no such signature")
        if counted:
            _counts_changed(signature.campaign_key)
    return signature


def write_letter(campaign, data, *, language, absolute_url):
    """Record a letter the site is to send from ``campaign``'s form data, and email the writer its link."""
    letter_view = letter_for(campaign)
    with transaction.atomic():
        letter = SentLetter.objects.create(
            campaign_key=campaign.translation_key,
            language=language,
            name=data["name"],
            email=data["email"],
            country=data["country"],
            subject=letter_view.subject,
            body=data["body"],
        )
        link = absolute_url(_confirm_path("supporters_confirm_letter", LETTER_PURPOSE, letter))
        send_supporter_email(
            to=letter.email,
            template="actions/letter_confirm",
            context={
                "name": letter.name,
                "campaign": campaign.title,
                "confirm_url": link,
                "targets": letter_view.targets,
                "subject": letter.subject,
                "body": letter.body,
            },
            language=language,
        )


def confirm_letter(token):
    """Send the letter ``token`` names to the campaign's targets, once; returns it, or raises InvalidToken."""
    pk = read_token(LETTER_PURPOSE, token, confirmation_max_age())
    with transaction.atomic():
        letter = SentLetter.objects.select_for_update().filter(pk=pk).first()
        if letter is None:
            raise InvalidToken("no such letter")
        if letter.confirmed_at is not None:
            return letter
        campaign = campaign_in_language(letter.campaign_key, letter.language)
        letter_view = letter_for(campaign) if campaign is not None else None
        if letter_view is None or not letter_view.is_open:
            return letter  # the campaign or its letter is gone or closed: nothing is sent
        letter.recipients = letter_view.recipients
        letter.confirmed_at = timezone.now()
        letter.save(update_fields=["recipients", "confirmed_at"])
        for address in letter.recipients:
            send_supporter_email(
                to=address,
                template="actions/letter_to_target",
                context={
                    "subject": letter.subject,
                    "text": signed_letter_text_for(
                        {"body": letter.body, "name": letter.name, "country": letter.country}
                    ),
                },
                language=letter.language,
                headers={"Reply-To": letter.email},
            )
        _counts_changed(letter.campaign_key)
    return letter


def _counts_changed(campaign_key):
    campaign = CampaignPage.objects.filter(translation_key=campaign_key).order_by("pk").first()
    if campaign is not None:
        campaign_counts_changed.send(sender=CampaignPage, page=campaign)


def action_kinds(campaign):
    """Which actions ("petition", "letter") any translation of ``campaign`` has, in one query."""
    key = campaign.translation_key
    petitions = CampaignPetition.objects.filter(page__translation_key=key).annotate(kind=Value("petition"))
    letters = CampaignLetter.objects.filter(page__translation_key=key).annotate(kind=Value("letter"))
    # No ordering: SQLite refuses ORDER BY inside a UNION's parts.
    kinds = petitions.order_by().values_list("kind", flat=True).union(letters.order_by().values_list("kind", flat=True))
    return set(kinds)
