"""Issue 17: apps depend downward only (docs/architecture.md), and an import hidden inside a
function says why it is there."""

from tests.architecture.imports import app_graph, cycles, imports

# A handful at most: each one is a cost a newcomer pays when reading the module.
FUNCTION_LEVEL_IMPORTS_AT_MOST = 8


def test_no_two_apps_import_each_other_even_through_others():
    found = cycles(app_graph())
    assert found == [], f"apps importing each other in a circle: {found} (docs/architecture.md: register)"


def test_the_cycle_check_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_core_and_the_cache_import_no_feature():
    graph = app_graph()
    assert graph.get("sakrad", set()) == set(), "the core (sakrad/ but its composition root) imports no app"
    assert graph.get("public_cache", set()) <= {"sakrad"}, "the public cache knows no domain"


def test_imports_inside_functions_are_few_and_say_why():
    hidden = [imp for imp in imports() if imp.in_function]
    unexplained = [f"{imp.path}:{imp.line}" for imp in hidden if not imp.why]
    assert unexplained == [], "an import inside a function needs a comment saying why it cannot be at the top"
    assert len(hidden) <= FUNCTION_LEVEL_IMPORTS_AT_MOST, [f"{imp.path}:{imp.line}" for imp in hidden]
