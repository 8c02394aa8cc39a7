from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_out
from django.utils.translation import gettext_lazy as _

from .signals import notes_recheck_on_logout


class NotesConfig(AppConfig):
    name = "notes"
    verbose_name = _("Live notes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        user_logged_out.connect(notes_recheck_on_logout, dispatch_uid="notes_user_logged_out")
