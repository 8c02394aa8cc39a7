"""The roles' permissions in Wagtail's group editor (Settings → Groups): Wagtail lists only the
permissions apps register, and most of ours belong to models that are not snippets."""

from functools import reduce
from operator import or_

from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail import hooks

from .groups import ADMIN_ACCESS, STAFF_ROLES


@hooks.register("register_permissions")
def register_staff_role_permissions():
    names = {name for role in STAFF_ROLES for name in role.model_permissions if name != ADMIN_ACCESS}
    pairs = [name.split(".") for name in sorted(names)]
    return Permission.objects.filter(
        reduce(or_, (Q(content_type__app_label=app, codename=codename) for app, codename in pairs))
    )
