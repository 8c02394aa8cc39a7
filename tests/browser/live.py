"""What a browser test against the live ASGI server asks for, in one place:

from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS
"""

import pytest

LIVE_PLUGINS = [
    "tests.world",
    "tests.browser.a11y_fixtures",
    "tests.browser.asgi_server",
    "tests.browser.walk",
]

LIVE_MARKS = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots", "sends_off_the_loop"),
    # WhiteNoise hands static files to Django's ASGI handler as a synchronous iterator: harmless here.
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators"),
]
