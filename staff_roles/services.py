"""Making the staff groups of `groups.STAFF_ROLES` exist with exactly their permissions, and the approval
task (`groups.APPROVAL_TASK`) with exactly the approving roles' groups.

Written against an `apps` registry so that migrations (historical models) and the running site (the
demo, the test world) share one implementation.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.db import transaction

from .groups import APPROVAL_TASK, STAFF_ROLES, STAFF_ROLES_BY_NAME, StaffRole


@transaction.atomic
def staff_groups_ensure(*, apps=global_apps) -> dict:
    """Every staff group, created when missing, with exactly its role's permissions (anything else
    given to it by hand is taken away). Returns the groups by name."""
    return {role.name: _group_set(apps, role) for role in STAFF_ROLES}


def staff_group(name: str, *, apps=global_apps):
    """The staff group called `name` as it is, or made with its role's permissions when it is missing
    (a test database emptied by a transactional test, say)."""
    Group = apps.get_model("auth", "Group")
    return Group.objects.filter(name=name).first() or _group_set(apps, STAFF_ROLES_BY_NAME[name])


def approval_task_ensure():
    """The approval task, on the running site: made when missing, with the approving roles' groups (made
    too when missing); left as it is otherwise (staff may have renamed or extended it in the admin)."""
    groups = [staff_group(role.name) for role in STAFF_ROLES if role.approves_minutes]
    tasks = global_apps.get_model("wagtailcore", "GroupApprovalTask").objects
    task = tasks.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = tasks.create(name=APPROVAL_TASK)
        task.groups.set(groups)
    return task


def _group_set(apps, role: StaffRole):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _created = Group.objects.get_or_create(name=role.name)
    # A permission of an app not migrated yet is left out: the migration that makes its model comes
    # first in a later staff_roles migration, which ensures the groups again (0003, say).
    permissions = (_permission(apps, name) for name in role.model_permissions)
    group.permissions.set([permission for permission in permissions if permission is not None])

    GroupPagePermission.objects.filter(group=group).delete()
    root_page = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    for codename in role.page_permissions:
        GroupPagePermission.objects.create(
            group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{codename}")
        )

    GroupCollectionPermission.objects.filter(group=group).delete()
    root_collection = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    for name in role.collection_permissions:
        GroupCollectionPermission.objects.create(
            group=group, collection=root_collection, permission=_permission(apps, name)
        )

    tasks = apps.get_model("wagtailcore", "GroupApprovalTask").objects
    task = tasks.filter(name=APPROVAL_TASK).first()
    if task is None and role.approves_minutes and apps is global_apps:
        # Minutes 0003 makes the task before any migration calls this; on the running site it can be
        # gone (a test database flushed by a transactional test), and approving is the role itself.
        # The minutes workflow takes it up as its step when it is next ensured.
        task = tasks.create(name=APPROVAL_TASK)
    if task is not None:
        if role.approves_minutes:
            task.groups.add(group)
        else:
            task.groups.remove(group)
    return group


def _permission(apps, name: str):
    """The permission "app_label.codename", made when it does not exist yet: a fresh database gets a
    model's default permissions only after all migrations (post_migrate), and ours run before that.
    None while the model's app is not in the migration's registry yet."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, codename = name.split(".")
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if found is not None:
        return found
    try:
        model, label = _declared(apps, app_label, codename)
    except LookupError:  # a migration's registry before the model's own migration: see `_group_set`
        return None
    content_type, _created = ContentType.objects.get_or_create(
        app_label=app_label, model=model._meta.model_name
    )
    return Permission.objects.create(content_type=content_type, codename=codename, name=label)


def _declared(apps, app_label: str, codename: str):
    """The model a permission belongs to, and its name: one in a model's Meta.permissions (Wagtail's
    "simple_translation.submit_translation"), else Django's "<action>_<model name>"."""
    for model in apps.get_app_config(app_label).get_models():
        for declared, label in model._meta.permissions:
            if declared == codename:
                return model, label
    action, model_name = codename.split("_", 1)
    model = apps.get_model(app_label, model_name)
    return model, f"Can {action} {model._meta.verbose_name_raw}"
