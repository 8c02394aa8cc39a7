from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class BreakoutsConfig(AppConfig):
    name = "breakouts"
    verbose_name = _("Breakout groups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The rules read the models, which may be imported only once the app registry is ready.
        from .permissions import notes_room_register

        notes_room_register()  # notes asks breakouts' rules through notes/room.py
        autodiscover_modules("plenary_wall")  # each app's panels on the wall (breakouts/plenary_wall.py)
