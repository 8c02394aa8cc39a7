from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Each feature's my_page.py registers its section of "my page" (accounts/my_page.py).
        autodiscover_modules("my_page")
