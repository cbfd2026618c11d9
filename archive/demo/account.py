"""The demo admin account that ``load_demo`` creates when ``settings.MUNASARA_DEMO_ADMIN`` is on (dev only)."""

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from core.i18n import SOURCE_LANGUAGE

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "munasara-demo"
DEMO_ADMIN_EMAIL = "admin@example.org"


def ensure_demo_admin():
    """Create the demo superuser if it does not exist yet; return True when it was created.

    An existing account is left as it is, so a password the team changed survives another run.
    """
    user_model = get_user_model()
    if user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
        return False
    user = user_model.objects.create_superuser(
        username=DEMO_ADMIN_USERNAME, email=DEMO_ADMIN_EMAIL, password=DEMO_ADMIN_PASSWORD
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = SOURCE_LANGUAGE
    profile.save()
    return True
