"""The browser code's lint (frontend/lint.mjs): every file parses, no unused import, console.log,
`var` or `debugger`. It needs only `node`."""

import subprocess
from pathlib import Path

from tests.frontend.conftest import FRONTEND


def lint(node: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own script
        [node, "lint.mjs", *map(str, files)],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_frontend_source_is_clean(node):
    result = lint(node)
    assert result.returncode == 0, f"frontend/lint.mjs found problems:\n{result.stderr}"
    checked = int(result.stdout.split()[0])
    assert checked >= len(list((FRONTEND / "src").rglob("*.js"))) + len(
        list((FRONTEND / "test").glob("*.mjs"))
    )


def test_the_lint_finds_each_problem_and_ignores_strings_and_comments(node, tmp_path):
    bad = tmp_path / "bad.mjs"
    bad.write_text(
        "import { used, unused } from './x.js'\n"
        "import * as Y from 'yjs'\n"
        "// console.log('a comment'); var inComment = 1\n"
        "const s = 'unused console.log(1) var x debugger'\n"
        "const r = /var [a-z]/g\n"
        "const t = `${Y.Doc} var z ${`${used}`}`\n"
        "var old = 1\n"
        "console.log(s, r, t, old)\n"
        "debugger\n",
        encoding="utf-8",
    )
    result = lint(node, bad)
    assert result.returncode == 1
    problems = [line.split(":", 1)[1] for line in result.stderr.splitlines()]
    assert problems == [
        "1: unused import: unused",
        "7: `var`: use const or let",
        "8: console.log left in",
        "9: debugger left in",
    ]


def test_a_file_that_does_not_parse_fails(node, tmp_path):
    broken = tmp_path / "broken.mjs"
    broken.write_text("const x = (\n", encoding="utf-8")
    result = lint(node, broken)
    assert result.returncode == 1
    assert "does not parse" in result.stderr
