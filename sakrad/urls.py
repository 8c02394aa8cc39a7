from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import include, path, reverse
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemap import TranslatedSitemap
from minutes.feeds import MinutesFeed
from public_cache.views import public_cache
from site_search.views import search

from .api import api_router
from .health import healthz, readyz
from .robots import robots_txt


def login_or_refuse(request):
    """Every login goes through allauth (rate limits, MFA): the login URLs of Wagtail's admin, of
    Django's admin and of Wagtail's private pages only send people there, keeping ?next=.

    Someone already logged in only lands here because a view refused them; allauth would send
    them straight back to ?next=, round and round, so they are told no (403) instead.
    """
    if request.user.is_authenticated:
        raise PermissionDenied
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(reverse("account_login") + (f"?{query}" if query else ""))


urlpatterns = [
    path("healthz", healthz, name="healthz"),  # the worker answers (sakrad/health.py)
    path("readyz", readyz, name="readyz"),  # database, cache and channel layer answer too
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/login/", login_or_refuse),
    path("django-admin/", admin.site.urls),
    path("admin/login/", login_or_refuse),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", public_cache(sitemap), {"sitemaps": {"wagtail": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),  # where crawlers may go (sakrad/robots.py)
    path("api/v2/", api_router.urls),  # open data: live, public pages only (sakrad/api.py)
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    # Shadows Wagtail's own front-end login form, which wagtail_urls would serve here.
    path("_util/login/", login_or_refuse, name="login_or_refuse"),
    path("konto/", include("privacy.urls")),
    path("osa/", include("invitations.urls")),  # RSVP by invitation link (osa = "om svar anhålles")
    path("grupper/", include("breakouts.urls")),  # breakout groups' live notes and the plenary wall
    path("mina-sidor/", include("accounts.urls")),  # a participant's own page
    path("arbetsgrupp/", include("working_groups.urls")),  # a working group reviews a draft consultation
    path("inspel/", include("open_input.urls")),  # open input (öppet inspel): anyone, no account
    path("granska/", include("corrections.urls")),  # attendees suggest corrections to draft minutes
    path("kalender/", include("cycle.urls")),  # the public calendar (ICS) of consultations
    path("prioritera/", include("priorities.urls")),  # the plenary prioritises its takeaways, anonymously
    path("fragor/", include("panel_questions.urls")),  # participants' questions to the panel at the plenary
    path("utvardering/", include("evaluations.urls")),  # the attendees' anonymous evaluation afterwards
    path("uppfoljning/", include("outcomes.urls")),  # the public register of what became of every takeaway
    path("intresseanmalan/", include("join_requests.urls")),  # a new organisation asks to take part
    path("organisation/", include("organisation_details.urls")),  # the contact person keeps its details
    path("sok/", search, name="search"),  # search across consultations and minutes (site_search/views.py)
    path("protokoll/feed/", include(([path("", public_cache(MinutesFeed()), name="minutes")], "feeds"))),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
