"""Start-up: cleaning one text dump loads only what that path needs (the speed benchmark times it).

Each check runs the command in a fresh interpreter and looks at ``sys.modules`` after it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "fixtures" / "seed-rt-en" / "input.txt"

#: Modules a one-file text run must not import: the HTML reader and its parsers, the progress
#: bar, worker pools, path objects, JSON, TOML, and the Dask engine.
NOT_FOR_ONE_TEXT_FILE = (
    "bs4", "lxml", "rich", "cleaner.html", "concurrent.futures", "multiprocessing", "pathlib",
    "json", "tomllib", "cleaner.distributed", "cleaner.explain", "cleaner.render_markdown",
)

_RUN = """
import sys
sys.argv = ["clean-article", *{args!r}]
from cleaner.cli import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
modules = sorted(sys.modules)
import json
sys.stderr.write("\\n" + json.dumps({{"code": code, "modules": modules}}))
"""


def loaded_after(args: list[str], cwd: Path) -> tuple[int, set[str]]:
    """The exit code of ``clean-article ARGS`` and the modules loaded when it ended.

    (``json`` is imported by this harness only after the command has run.)
    """
    run = subprocess.run(
        [sys.executable, "-c", _RUN.format(args=args)],
        capture_output=True, text=True, cwd=cwd, timeout=120, check=False,
    )
    report = json.loads(run.stderr.splitlines()[-1])
    return report["code"], set(report["modules"])


def test_one_text_file_to_stdout_loads_no_html_batch_or_output_machinery(tmp_path: Path) -> None:
    code, modules = loaded_after([str(SMALL)], tmp_path)
    assert code == 0
    assert sorted(set(NOT_FOR_ONE_TEXT_FILE) & modules) == []


def test_one_text_file_loads_no_module_for_a_config_it_does_not_have(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "someone-else"\n', encoding="utf-8")
    code, modules = loaded_after([str(SMALL)], tmp_path)
    assert code == 0
    assert "tomllib" not in modules and "pathlib" not in modules


def test_the_harness_sees_imports_of_the_html_path(tmp_path: Path) -> None:
    # The checks above could pass because the harness sees nothing: an HTML page does load bs4.
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><body><p>A paragraph of the article, long enough.</p>"
                    "</body></html>", encoding="utf-8")
    code, modules = loaded_after([str(page)], tmp_path)
    assert code == 0
    assert "bs4" in modules


@pytest.mark.parametrize("name", ["Article", "Pipeline", "REGISTRY", "clean"])
def test_package_names_are_there_though_imported_on_first_use(name: str) -> None:
    import cleaner

    assert name in dir(cleaner) and getattr(cleaner, name) is not None


def test_unknown_package_name_is_an_attribute_error() -> None:
    import cleaner

    with pytest.raises(AttributeError, match="no_such_name"):
        _ = cleaner.no_such_name  # type: ignore[attr-defined]


def test_names_the_package_gave_before_its_lazy_imports_are_still_there() -> None:
    import cleaner

    assert cleaner.read is cleaner.readers.read
    assert cleaner.document.Block is cleaner.Block


_COUNT_COMPILES = """
import os, re._compiler, sys
import regex._main
compiled = []
ENGINES = (os.path.dirname(re.__file__), os.path.dirname(regex.__file__))
def counting(original):
    def compile(pattern, *args, **kwargs):
        caller = sys._getframe(1)
        while caller.f_code.co_filename.startswith(ENGINES):
            caller = caller.f_back
        # Ours only (the standard library's modules compile theirs on import), and not the empty
        # pattern (how cleaner.compiled finds regex's unpickling function).
        if pattern and "cleaner" in caller.f_code.co_filename:
            compiled.append(str(pattern)[:60])
        return original(pattern, *args, **kwargs)
    return compile
re._compiler.compile = counting(re._compiler.compile)
regex._main._compile = counting(regex._main._compile)
sys.argv = ["clean-article", *{args!r}]
from cleaner.cli import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write("\\n" + repr(compiled))
"""


def test_a_second_run_builds_its_patterns_from_the_kept_programs(tmp_path: Path) -> None:
    import ast
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # (caches are written)
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    counts = []
    for _ in range(2):
        run = subprocess.run(
            [sys.executable, "-c", _COUNT_COMPILES.format(args=[str(SMALL)])],
            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120, check=True,
        )
        counts.append(ast.literal_eval(run.stderr.splitlines()[-1]))
    assert len(counts[0]) > 20  # the first run compiles them (the harness sees it)
    assert counts[1] == []
