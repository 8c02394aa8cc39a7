from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    name = "minutes"
    verbose_name = _("Minutes")

    def ready(self):
        from wagtail import hooks
        from wagtail.signals import page_published

        from . import signals
        from .approval_mail import approval_emails_connect

        page_published.connect(signals.minutes_published, dispatch_uid="minutes_published_notify")
        approval_emails_connect()  # Wagtail's approval e-mails, ours (minutes/approval_mail.py)
        hooks.register("construct_page_action_menu", signals.hide_publish_from_non_approvers)
        hooks.register("before_publish_page", signals.refuse_publish_by_non_approvers)
        hooks.register("before_bulk_action", signals.refuse_bulk_publish_by_non_approvers)
        hooks.register("register_log_actions", signals.register_minutes_log_actions)
