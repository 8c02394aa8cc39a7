"""The admin form every page type of ours starts from."""

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm


class AsciiSlugPageForm(WagtailAdminPageForm):
    def clean_slug(self):
        # Wagtail's script proposes ASCII (WAGTAIL_ALLOW_UNICODE_SLUGS) but its form takes å/ä/ö typed
        # by hand, which every shared link would then percent-encode: "sakråd" is meant as "sakrad".
        slug = self.cleaned_data.get("slug") or ""
        return slugify(slug) if not slug.isascii() else slug
