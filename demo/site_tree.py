"""The home page, the default Site and published child pages, found again by slug."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page, Site

from home.models import HomePage
from home.site_settings import SiteSettings


def publish_child(parent, slug, build, tally, kind="page", first_published_at=None):
    """The child of `parent` with this slug; if missing, `build()` makes it, and it is published."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        tally.record(kind, created=False)
        return existing.specific
    page = build()
    if first_published_at is not None:
        page.first_published_at = first_published_at
    parent.add_child(instance=page)
    page.save_revision().publish()
    tally.record(kind, created=True, label=page.url_path)
    return page


def ensure_home(content: dict, tally) -> HomePage:
    """A HomePage at depth 2 with the default Site pointing at it; Wagtail's welcome page goes."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, slug=content["slug"]).first()
    if home is None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            welcome = site.root_page
            site.root_page = root  # for a moment, while the page it pointed at is removed
            site.save()
            _remove_if_welcome_page(welcome)
        if root.get_children().filter(slug=content["slug"]).exists():
            raise ImproperlyConfigured(
                f"A page with the slug {content['slug']!r} already sits under the root; move it first."
            )
        home = publish_child(root, content["slug"], lambda: HomePage(**content), tally)
    else:
        tally.record("page", created=False)
    _point_default_site_at(home, tally)
    return home


def _remove_if_welcome_page(page) -> None:
    """Wagtail's placeholder: a plain Page right under the root, with nothing below it."""
    plain_page = ContentType.objects.get_for_model(Page)
    if page.depth == 2 and page.content_type_id == plain_page.pk and not page.get_children_count():
        page.delete()


def _point_default_site_at(home: HomePage, tally) -> None:
    wanted = {
        "hostname": "localhost",
        "port": 80,
        "site_name": "Sakråd",
        "root_page_id": home.pk,
        "is_default_site": True,
    }
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(**wanted)
        tally.record("site", created=True, label="localhost:80")
        return
    tally.record("site", created=False)
    if any(getattr(site, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()


def ensure_accessibility_settings(home: HomePage, statement, email: str, tally) -> None:
    """Point the default site's settings at the statement page and contact address, where unset."""
    site = Site.objects.get(is_default_site=True, root_page=home)
    row, created = SiteSettings.objects.get_or_create(site=site)
    tally.record("site settings", created=created)
    changed = []
    if row.accessibility_statement_id is None:
        row.accessibility_statement = statement
        changed.append("accessibility_statement")
    if not row.accessibility_contact_email:
        row.accessibility_contact_email = email
        changed.append("accessibility_contact_email")
    if changed:
        row.save(update_fields=changed)
