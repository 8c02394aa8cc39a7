"""Demo users and the Wagtail groups they belong to, found again by email and group name."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
# What an organiser needs to pick themes, organisations and people while planning a consultation,
# and to run its invitations.
MODEL_PERMISSIONS = [
    *[("consultations", action, "theme") for action in ("view", "add", "change")],
    *[
        ("organisations", action, model)
        for model in ("organisation", "person")
        for action in ("view", "add", "change")
    ],
    ("invitations", "change", "invitation"),
]


def _admin_access() -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _group(name: str, tally) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    tally.record("group", created=created, label=name)
    group.permissions.add(_admin_access())
    return group


def ensure_groups(*, approvers: str, organisers: str, tally) -> dict[str, Group]:
    organiser_group = _group(organisers, tally)
    root = Page.get_first_root_node()
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=organiser_group, page=root, permission=permission)
    for app_label, action, model in MODEL_PERMISSIONS:
        organiser_group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
        )
    return {approvers: _group(approvers, tally), organisers: organiser_group}


def ensure_user(email: str, tally, *, groups=(), superuser=False, **fields):
    """Create the user with the demo password; an existing one keeps its password and details."""
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        create = user_model.objects.create_superuser if superuser else user_model.objects.create_user
        user = create(
            email=email, password=settings.DEMO_PASSWORD, is_staff=superuser or bool(groups), **fields
        )
        tally.record("user", created=True, label=email)
    else:
        tally.record("user", created=False)
    if groups:
        user.groups.add(*groups)
    # allauth looks people up by their EmailAddress rows (log in by code, for one).
    _, created = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": True}
    )
    tally.record("email address", created=created)
    return user
