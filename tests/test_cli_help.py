"""The command documents itself: every option has help text, and the README names every option."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from cleaner.cli import main, options_table

from .conftest import ROOT

OPTIONS = [p for p in main.params if isinstance(p, click.Option)]


def option_names() -> list[str]:
    return [name for p in OPTIONS for name in p.opts if name.startswith("--")]


@pytest.mark.parametrize("option", OPTIONS, ids=lambda p: p.name or "?")
def test_every_option_has_help_text(option: click.Option) -> None:
    assert option.help and len(option.help) > 15


def test_help_lists_every_option() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    missing = [name for name in option_names() if name not in result.stdout]
    assert missing == []


def test_help_has_examples() -> None:
    assert "clean-article dumps/ -o clean/" in CliRunner().invoke(main, ["-h"]).stdout


def test_options_table_has_a_row_per_option() -> None:
    rows = options_table().splitlines()[2:]
    assert len(rows) == len(OPTIONS)
    for option, row in zip(OPTIONS, rows, strict=True):
        assert f"`{option.opts[-1]}`" in row and (option.help or "")[:20] in row


def test_readme_cli_section_names_every_option() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    section = text.split("## CLI", 1)[1].split("\n## ", 1)[0] if "## CLI" in text else ""
    if "`--" not in section:
        pytest.skip("README.md has no CLI option list yet (fill it from cleaner.cli.options_table())")
    assert [name for name in option_names() if name not in section] == []
