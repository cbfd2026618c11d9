"""Two-factor authentication for staff in the admin (wagtail-2fa on django-otp, TOTP devices).

Anyone who may use the admin can add an authenticator app under "Manage your 2FA devices" in
their account menu. Holders of the ``wagtailadmin.enable_2fa`` permission — the Legal reviewers
and Publishers groups (roles/roles.py) and every superuser — must: without a device they are sent
to set one up. Anyone with a device enters a code from it once per session before any admin page.

wagtail-2fa's middleware guards every address once a staff member is signed in; this one guards
the admin only (Wagtail's and Django's), so the public site and the API answer staff as anyone.

wagtail-2fa 1.8.0's code form names no device, and django-otp 1.7.1 and later verify a code only
against a chosen device, so every code was refused (labd/wagtail-2fa#284). ``DeviceTokenForm``
chooses the user's device (or asks which, when they have several); cms/urls.py serves the code
page with it under wagtail-2fa's own URL name.
"""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.forms import TokenForm
from wagtail_2fa.middleware import VerifyUserPermissionsMiddleware
from wagtail_2fa.views import LoginView

# Wagtail's admin and Django's (cms/urls.py).
ADMIN_PATHS = ("/admin/", "/django-admin/")


class AdminTwoFactorMiddleware(VerifyUserPermissionsMiddleware):
    """wagtail-2fa's permission-based verification, under the admin's addresses only."""

    def process_request(self, request):
        if not request.path_info.startswith(ADMIN_PATHS):
            # Still give request.user django-otp's is_verified(), lazily, without asking anything.
            self._install_lazy_accessors(request)
            return None
        return super().process_request(request)


class DeviceTokenForm(TokenForm):
    """wagtail-2fa's code form, verifying the code against one device of the user's."""

    otp_device = forms.ChoiceField(label=_("Authenticator"), choices=(), required=False)

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        self.fields["otp_device"].choices = [(device.persistent_id, device.name) for device in self.devices]
        self.fields["otp_device"].required = len(self.devices) > 1

    @property
    def extra_fields(self):
        """The device choice, shown (by wagtail-2fa's template) only to a user with several devices."""
        return [("otp_device", self["otp_device"])] if len(self.devices) > 1 else []

    def _chosen_device(self, user):
        if len(self.devices) == 1:
            self.cleaned_data["otp_device"] = self.devices[0].persistent_id
        # django-otp's own lookup, which also refuses a device of another user.
        return super()._chosen_device(user)


class TokenLoginView(LoginView):
    """The code page: for a user who signed in with their password, else the sign-in page first."""

    form_class = DeviceTokenForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return super().dispatch(request, *args, **kwargs)
