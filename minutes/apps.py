from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published

from consultations.extensions import published_minutes_register
from home.front_page import front_page_list_register
from outbox.purposes import Purpose, purpose_register


class MinutesConfig(AppConfig):
    name = "minutes"
    verbose_name = _("Minutes")

    def ready(self):
        # The admin's hooks are in wagtail_hooks.py, which Wagtail loads itself.
        # Inside ready(): the models, and what reads them, load only once the app registry is ready.
        from . import approval_mail, models, signals

        MinutesPage = models.MinutesPage
        page_published.connect(
            signals.minutes_published, sender=MinutesPage, dispatch_uid="minutes_published_notify"
        )
        approval_mail.approval_emails_connect()  # Wagtail's approval e-mails, ours
        front_page_list_register(  # the front page's recent minutes (home/front_page.py)
            name="recent_minutes",
            pages=lambda: (
                MinutesPage.objects.live().public().with_consultation_title().order_by("-first_published_at")
            ),
        )
        published_minutes_register(pages=lambda: MinutesPage.objects.live().public())  # consultations' status
        # How the outbox screen names these mails (outbox/purposes.py).
        purpose_register("minutes-published", Purpose(label=_("Minutes published")))
        purpose_register("follow-up", Purpose(label=_("Follow-up to the minutes")))
        purpose_register("approval", Purpose(label=_("Approval of the minutes")))
