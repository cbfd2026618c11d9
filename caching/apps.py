from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = _("Caching")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import memo

        from . import signals
        from .memo import TokenMemo

        signals.connect()
        memo.install(TokenMemo())
