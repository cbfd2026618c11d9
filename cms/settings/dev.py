from .base import *  # noqa: F403
from .base import WAGTAILLOCALIZE_MACHINE_TRANSLATOR, env, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine on a developer's machine; production refuses to start without one.
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-munasara")
# Survivor records are encrypted with this fixed key unless FIELD_ENCRYPTION_KEY is set; never in production.
SALT_KEY = env_list("FIELD_ENCRYPTION_KEY", "dev-only-field-encryption-key-munasara")
ALLOWED_HOSTS = ["*"]
MUNASARA_DEMO_ADMIN = True
# Without DEEPL_API_KEY, wagtail-localize's dummy translator (it reverses the words) shows the machine
# translation button at work; never in production.
if WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
# The demo's admin account is a superuser, whom production requires to use a second factor: on a
# developer's machine `make run` lets it sign in with the password alone. WAGTAIL_2FA_REQUIRED=true
# tries the production behaviour locally; the tests run with it (cms/settings/hardening.py).
WAGTAIL_2FA_REQUIRED = env_bool("WAGTAIL_2FA_REQUIRED", False)
# Supporters' emails are sent during the request on a developer's machine (to the console unless EMAIL_URL
# says otherwise), so `make run` needs no mailer process; production queues them for the Procfile's mailer.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
