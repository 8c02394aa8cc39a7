from django.db import models
from django.utils.translation import gettext_lazy as _


class EraseMode(models.TextChoices):
    PSEUDONYMISE = "pseudonymise", _("Pseudonymise: keep the account as a nameless placeholder")
    ERASE = "erase", _("Erase: delete the account too")
