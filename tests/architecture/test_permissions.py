"""Issue 17: every app's permission functions read alike: keyword-only arguments, the person asking
always called `user` (a subject person by what they are: `person`, `account`...), so a call reads
`can_x(user=request.user, consultation=...)` in every app and cannot swap the asker and the subject.

Read from the source with `ast` (no Django needed): each app's `permissions.py`, and `sakrad/roles.py`
they build on, whose one-argument predicates (`is_staff(user)`) stay positional: templates and
filters call them with the user alone."""

import ast

from tests.architecture.imports import ROOT

ROLES = "sakrad/roles.py"
# What the asking person was called here and there before; a subject has a name of its own.
ACTOR_NAMES = {"actor", "by", "author", "requester", "request_user", "acting_user"}
ASKING = ("can_", "may_", "is_")


def _asks(name: str) -> bool:
    """A question about someone: can_x, may_x, is_x, or x_may (`sakrad.roles.staff_may`)."""
    return name.startswith(ASKING) or name.endswith("_may")


def _permission_modules() -> list[str]:
    found = [path.relative_to(ROOT).as_posix() for path in ROOT.glob("*/permissions.py")]
    return sorted(found) + [ROLES]


def problems(source: str, path: str) -> list[str]:
    """What is wrong with the module's public can_/may_/is_ functions."""
    found = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.FunctionDef) or not _asks(node.name):
            continue
        args = node.args
        positional = [arg.arg for arg in args.posonlyargs + args.args]
        names = positional + [arg.arg for arg in args.kwonlyargs]
        where = f"{path}:{node.lineno} {node.name}"
        one_argument_predicate = path == ROLES and len(names) == 1 and not args.vararg
        if (positional or args.vararg) and not one_argument_predicate:
            found.append(f"{where}: positional parameters {positional} (make them keyword-only)")
        if actors := sorted(ACTOR_NAMES & set(names)):
            found.append(f"{where}: the person asking is called {actors} (call them `user`)")
        if (node.name.startswith(("can_", "may_")) or node.name.endswith("_may")) and "user" not in names:
            found.append(f"{where}: no `user`, the person asking")
    return found


def test_permission_functions_are_keyword_only_and_call_the_asker_user():
    found = []
    for path in _permission_modules():
        found += problems((ROOT / path).read_text(encoding="utf-8"), path)
    assert found == [], "\n".join(found)


def test_the_check_finds_positional_parameters_and_other_names_for_the_asker():
    source = """
def can_edit(user, page): ...
def can_erase(*, actor, person): ...
def may_see(*, consultation): ...
def is_member(*, user, consultation): ...
def _helper(user, page): ...
def attending(queryset): ...
"""
    found = problems(source, "app/permissions.py")
    assert [line.split(": ", 1)[0] for line in found] == [
        "app/permissions.py:2 can_edit",
        "app/permissions.py:3 can_erase",
        "app/permissions.py:3 can_erase",
        "app/permissions.py:4 may_see",
    ]


def test_one_argument_predicates_of_the_roles_stay_positional():
    assert problems("def is_staff(user): ...\n", ROLES) == []
    assert problems("def is_staff(user): ...\n", "app/permissions.py") != []
    assert problems("def staff_may(user, *, permission): ...\n", ROLES) != []


def test_services_call_the_person_acting_user_too():
    """`by=` and `actor=` are gone from the services: the staff member acting is `user=` there as
    well (`author` stays where it is what a comment stores)."""
    found = []
    for path in sorted([*ROOT.glob("*/services/*.py"), *ROOT.glob("*/services.py")]):
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                args = node.args
                names = {arg.arg for arg in args.posonlyargs + args.args + args.kwonlyargs}
                if stray := sorted(names & {"actor", "by"}):
                    found.append(f"{rel}:{node.lineno} {node.name}: {stray}")
    assert found == [], "\n".join(found)
