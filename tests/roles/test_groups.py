"""The staff groups are made by a migration, with exactly their roles' permissions and nothing more;
Wagtail's starting moderation is gone; the demo and the minutes workflow use these groups."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from demo.accounts import ensure_groups
from demo.tally import Tally
from minutes.services.workflow import WORKFLOW_NAME, minutes_workflow_ensure
from staff_roles.groups import (
    APPROVAL_TASK,
    APPROVERS,
    EDITORS,
    ORGANISERS,
    STAFF_ROLES,
    WAGTAIL_MODERATION_WORKFLOW,
    WAGTAIL_MODERATORS,
    StaffRole,
)
from staff_roles.services import staff_groups_ensure

pytestmark = pytest.mark.django_db

migration = importlib.import_module("staff_roles.migrations.0001_staff_groups")


def _held(group: Group) -> dict:
    """What a group holds, in the shape of a StaffRole."""
    return {
        "model": {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()},
        "page": {
            (row.page.depth, row.permission.codename)
            for row in GroupPagePermission.objects.filter(group=group)
        },
        "collection": {
            (row.collection.depth, f"{row.permission.content_type.app_label}.{row.permission.codename}")
            for row in GroupCollectionPermission.objects.filter(group=group)
        },
        "approves": GroupApprovalTask.objects.filter(name=APPROVAL_TASK, groups=group).exists(),
    }


def _defined(role: StaffRole) -> dict:
    return {
        "model": set(role.model_permissions),
        "page": {(1, codename) for codename in role.page_permissions},  # on the root of the tree
        "collection": {(1, name) for name in role.collection_permissions},  # on the root collection
        "approves": role.approves_minutes,
    }


def _assert_exactly_the_roles():
    for role in STAFF_ROLES:
        assert _held(Group.objects.get(name=role.name)) == _defined(role), role.name


def test_the_three_groups_hold_exactly_their_roles():
    _assert_exactly_the_roles()


def test_the_migration_puts_back_exactly_the_roles_permissions():
    """Run on groups changed by hand (Wagtail's own "Editors" started with more) or deleted, and with
    Wagtail's "Moderators" back, it leaves exactly what the roles say."""
    Group.objects.filter(name=ORGANISERS).delete()
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(Permission.objects.get(codename="change_invitation"))
    GroupPagePermission.objects.create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page"),
    )
    Group.objects.create(name=WAGTAIL_MODERATORS)
    migration.staff_groups_create(apps, None)
    _assert_exactly_the_roles()
    assert not Group.objects.filter(name=WAGTAIL_MODERATORS).exists()


def test_wagtails_starting_moderation_is_gone():
    assert not Group.objects.filter(name=WAGTAIL_MODERATORS).exists()
    workflow = Workflow.objects.filter(name=WAGTAIL_MODERATION_WORKFLOW).first()
    assert workflow is None or not workflow.active
    # No workflow on the root or a site's home, so none on every page below.
    assert not WorkflowPage.objects.filter(page__depth__lte=2).exists()


def test_only_approvers_approve_minutes():
    minutes_workflow_ensure()
    task = GroupApprovalTask.objects.get(name=APPROVAL_TASK)
    assert [group.name for group in task.groups.all()] == [APPROVERS]


def test_a_flushed_database_gets_the_approval_task_back_and_the_workflow_takes_it_up():
    """A transactional test's flush empties the tables: the staff roles make their approval task again
    (staff_roles/services.py), and the minutes workflow, made again later, has it as its one step."""
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    GroupApprovalTask.objects.filter(name=APPROVAL_TASK).delete()
    Group.objects.filter(name__in=[role.name for role in STAFF_ROLES]).delete()
    staff_groups_ensure()
    _assert_exactly_the_roles()
    workflow = minutes_workflow_ensure()
    assert [task.name for task in workflow.tasks] == [APPROVAL_TASK]
    assert GroupApprovalTask.objects.filter(name=APPROVAL_TASK).count() == 1


def test_the_demo_uses_the_migrations_groups_unchanged():
    before = {role.name: _held(Group.objects.get(name=role.name)) for role in STAFF_ROLES}
    ids = dict(Group.objects.filter(name__in=before).values_list("name", "pk"))
    tally = Tally()
    groups = ensure_groups(tally)
    assert {name: group.pk for name, group in groups.items()} == ids
    assert {name: _held(group) for name, group in groups.items()} == before
    assert tally.as_dict()["group"] == {"created": 0, "existing": len(STAFF_ROLES)}
