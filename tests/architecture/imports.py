"""The project's own import graph, read from its source (no Django needed): which app imports
which, and the imports that sit inside functions."""

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The composition root wires every app together by design; the seed data sits above every app.
COMPOSITION = {"sakrad/urls.py", "sakrad/asgi.py", "sakrad/routing.py", "sakrad/api.py", "sakrad/robots.py"}
NOT_APPS = {"tests", "bench", "frontend", "static", "deploy", "templates", "locale", "docs", "node_modules"}


@dataclass(frozen=True)
class Import:
    path: str  # relative to the checkout
    line: int
    target_app: str
    in_function: bool
    why: str  # the comment on the line itself or right above, for an import inside a function


def apps() -> set[str]:
    return {p.parent.name for p in ROOT.glob("*/__init__.py") if p.parent.name not in NOT_APPS}


def _sources(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/migrations/" in rel or rel in COMPOSITION or rel.startswith("sakrad/settings/"):
            continue
        yield rel, path.read_text()


def _comment(lines: list[str], lineno: int) -> str:
    own = lines[lineno - 1].partition("#")[2].strip()
    above = lines[lineno - 2].strip() if lineno >= 2 else ""
    return own or (above[1:].strip() if above.startswith("#") else "")


def imports() -> list[Import]:
    known, found = apps(), []
    for app in known:
        for rel, text in _sources(app):
            tree, lines = ast.parse(text), text.splitlines()
            inside = {
                id(node)
                for fn in ast.walk(tree)
                if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
                for node in ast.walk(fn)
            }
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                elif isinstance(node, ast.ImportFrom):
                    names = [app]  # relative: its own app
                else:
                    continue
                for name in names:
                    in_function = id(node) in inside
                    why = _comment(lines, node.lineno) if in_function else ""
                    found.append(Import(rel, node.lineno, name.split(".")[0], in_function, why))
    return found


def app_graph() -> dict[str, set[str]]:
    known, graph = apps(), {}
    for imp in imports():
        source = imp.path.split("/")[0]
        if imp.target_app in known and imp.target_app != source:
            graph.setdefault(source, set()).add(imp.target_app)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one app (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found
