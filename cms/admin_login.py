"""The Wagtail admin's login form, with its password label in the user's language.

Wagtail's ``LoginForm`` redeclares the password field without a label, so the login page shows
the field's name, "Password", in every language. Django's own label (translated) is put back.
"""

from django.contrib.auth.forms import AuthenticationForm
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = AuthenticationForm.base_fields["password"].label
