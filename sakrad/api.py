"""Wagtail's API v2 as open data: the pages endpoint, read-only, live and public pages only
(Wagtail's pages endpoint filters both; tests/reading/test_canary_reading.py holds it to that).

Images and documents are left out: documents can sit in private collections, which the documents
endpoint does not filter, and images are only ever published as part of a page.
"""

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class OpenPagesAPIViewSet(PagesAPIViewSet):
    # JSON only: DRF's browsable HTML pages would need scripts our content security policy refuses.
    renderer_classes = [JSONRenderer]

    def get_queryset(self):
        # Each listed page names its locale (Wagtail's API, with pages translatable): in one query.
        return super().get_queryset().select_related("locale")

    def get_object(self):
        page = super().get_object()
        # A page type whose detail lists rows of rows reads them in bulk (MinutesPage.with_api_relations).
        load = getattr(page, "with_api_relations", None)
        return load() if load else page


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", OpenPagesAPIViewSet)
