"""Site-wide settings editors manage in the Wagtail admin (Settings › Site settings).

The accessibility statement is required by the Swedish law on accessibility of digital public
services (DOS-lagen, 2018:1937): every page links to it, and visitors need a way to report
problems. Both are chosen here rather than hard-coded, so a renamed or moved page never leaves
a dead link in the footer.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from public_cache.declarations import affects_public_pages


@affects_public_pages
@register_setting(icon="globe")
class SiteSettings(BaseSiteSetting):
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page with the accessibility statement. Every page's footer links to it."),
    )
    accessibility_contact_email = models.EmailField(
        _("email address for accessibility problems"),
        blank=True,
        help_text=_(
            "Where visitors report accessibility problems. Shown in every page's footer and on the "
            "accessibility statement."
        ),
    )

    select_related = ["accessibility_statement"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("accessibility_statement"), FieldPanel("accessibility_contact_email")],
            heading=_("Accessibility"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    @property
    def statement_page(self):
        """The chosen statement page when it can be shown to the public, else None."""
        page = self.accessibility_statement
        if page is None or not page.live:
            return None
        return page
