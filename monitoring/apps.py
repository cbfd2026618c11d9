from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .legal_references import seed_after_migrate

        post_migrate.connect(seed_after_migrate, sender=self, dispatch_uid="monitoring.seed_legal_references")
