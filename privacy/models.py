from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone


@leaves_public_pages_alone
class PersonalData(models.Model):
    """No table and no rows: Django attaches permissions to a model, and this app's live here."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("erase_person", _("Can erase or pseudonymise a person's data"))]
        verbose_name = _("personal data")
        verbose_name_plural = _("personal data")

    def __str__(self):
        return str(self._meta.verbose_name)
