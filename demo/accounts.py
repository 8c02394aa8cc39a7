"""Demo users, and the staff groups they join: the groups migration staff_roles 0001 makes, found by name."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from staff_roles.groups import STAFF_ROLES
from staff_roles.services import staff_group


def ensure_groups(tally) -> dict[str, Group]:
    """The staff groups as they are (made again with their roles' permissions only when missing): the
    demo gives no permission of its own, so its accounts can do exactly what the roles say."""
    names = [role.name for role in STAFF_ROLES]
    existing = set(Group.objects.filter(name__in=names).values_list("name", flat=True))
    groups = {}
    for role in STAFF_ROLES:
        groups[role.name] = staff_group(role.name)
        tally.record("group", created=role.name not in existing, label=role.name)
    return groups


def ensure_user(email: str, tally, *, groups=(), superuser=False, **fields):
    """Create the user with the demo password; an existing one keeps its password and details."""
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        create = user_model.objects.create_superuser if superuser else user_model.objects.create_user
        user = create(
            # Django's own `is_staff` opens /django-admin/, which is for superusers: the roles are the groups.
            email=email, password=settings.DEMO_PASSWORD, is_staff=superuser, **fields
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
