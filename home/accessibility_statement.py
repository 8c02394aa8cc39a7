"""What the accessibility statement says whatever its editors write (DOS-lagen, 2018:1937, and Digg's
model statement): how to ask for content in another format (the site settings' address), the known
gaps, and who supervises. The template `home/includes/accessibility_statement.html` shows it on the
page chosen in the site settings.

KNOWN_GAPS is the one list of what we know fails: the statement renders it and the tests read it
(tests/home/test_site_settings.py), so the two cannot drift. A gap found by a test or by hand goes
here, with its WCAG criterion, until it is fixed.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SUPERVISOR = "Myndigheten för digital förvaltning (Digg)"  # a proper name: Swedish in both languages
SUPERVISOR_REPORT_URL = "https://www.digg.se/tdosanmalan"


@dataclass(frozen=True)
class KnownGap:
    criterion: str  # WCAG success criterion, e.g. "4.1.3"
    text: Promise


KNOWN_GAPS = (
    KnownGap(
        "4.1.3",
        _(
            "In a breakout group's live notes, not every change another participant makes is read out "
            "by screen readers while the meeting goes on."
        ),
    ),
    KnownGap(
        "1.3.1",
        _(
            "Documents that staff upload, such as presentations and older PDF files, are not always "
            "tagged for screen readers. The minutes' own PDF is."
        ),
    ),
)
