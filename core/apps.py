from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Shared content")

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail import hooks
        from wagtail.images import get_image_model

        from . import media, restrictions
        from .image_metadata import strip_uploaded_image_metadata

        pre_save.connect(strip_uploaded_image_metadata, sender=get_image_model(), dispatch_uid="strip_image_metadata")
        restrictions.connect()
        hooks.register("before_serve_document", media.refuse_private_document)
