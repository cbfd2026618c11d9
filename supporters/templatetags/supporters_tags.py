from django import template
from django.templatetags.static import static
from django.utils import translation

from supporters.forms import SignUpForm

register = template.Library()


@register.inclusion_tag("supporters/includes/footer_sign_up.html")
def mailing_list_form():
    """The footer's short sign-up form (email and consent; no CSRF token: see supporters.views.footer_sign_up).

    It reads nothing from the database, so the footer fragment around it stays one cache entry per language.
    """
    form = SignUpForm(language=translation.get_language(), auto_id="footer-%s")
    return {"form": form, "stylesheet": static("supporters/supporters.css")}
