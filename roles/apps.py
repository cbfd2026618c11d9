from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = _("Roles and workflows")

    def ready(self):
        from .drafts import keep_borrowed_content_offline
        from .roles import ensure_roles_after_migrate

        # Sent once per installed app; the handler acts only for the last one, when every app's
        # permissions exist (Django creates them in its own post_migrate handler, app by app).
        post_migrate.connect(ensure_roles_after_migrate, dispatch_uid="roles.ensure_roles")
        # Every page model: the sender is the specific class, so listen to all senders and check.
        pre_save.connect(keep_borrowed_content_offline, dispatch_uid="roles.keep_borrowed_content_offline")
