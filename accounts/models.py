from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import affects_public_pages


class SakradUserManager(UserManager):
    """Email is the login; the username mirrors it so Wagtail's user admin keeps working."""

    def create_user(self, username=None, email=None, password=None, **extra_fields):
        email = self.normalize_email(email or username)
        return super().create_user(email, email, password, **extra_fields)

    def create_superuser(self, username=None, email=None, password=None, **extra_fields):
        email = self.normalize_email(email or username)
        return super().create_superuser(email, email, password, **extra_fields)


# Every login stamps last_login: a morning of logins would otherwise empty the cache each time.
@affects_public_pages(except_updates_of=("last_login",))
class User(AbstractUser):
    email = models.EmailField(_("email address"), unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )

    objects = SakradUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def save(self, *args, **kwargs):
        if self.email:
            self.email = self.email.lower()
            self.username = self.email
        super().save(*args, **kwargs)

    def public_name(self) -> str:
        """What others in a meeting see (presence, "writing here"): the person's name, else their
        organisation's; never the e-mail address."""
        full = self.get_full_name().strip()
        if full:
            return full
        return self.organisation.name if self.organisation_id else str(_("Participant"))
