"""The sitemap: Wagtail's, with the pages translated into the minority languages (docs/languages.md),
which hang from the front page's translations, beside the Swedish tree rather than in it."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    def items(self):
        trees = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = reduce(or_, (Q(path__startswith=tree.path) for tree in trees))
        return Page.objects.filter(in_a_tree).live().public().order_by("path").defer_streamfields().specific()
