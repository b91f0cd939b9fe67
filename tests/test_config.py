"""The TOML config file and the [tool.clean-article] table of pyproject.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Options
from cleaner.config import find_config, load_config
from cleaner.errors import ConfigError


def write(tmp_path: Path, text: str, name: str = "clean.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_config_gives_options_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'mode = "precision"\n'
        'drop_phrases = ["Sign up now"]\n'
        "drop_patterns = ['^Photo: ']\n"
        'protect_phrases = ["Editor\'s note"]\n'
        "max_bytes = 1000\n"
        "[stages.normalize]\n"
        "flag = true\n",
    )
    options = Options(**load_config(path))
    assert options.mode == "precision"
    assert options.drop_phrases == ("Sign up now",)
    assert options.drop_patterns == ("^Photo: ",)
    assert options.protect_phrases == ("Editor's note",)
    assert options.max_bytes == 1000
    assert options.stage_options == {"normalize": {"flag": True}}


def test_dashed_keys_accepted(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, 'drop-phrases = ["x"]\n')) == {"drop_phrases": ("x",)}


def test_single_string_accepted_for_a_list(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, 'drop_phrases = "x"\n')) == {"drop_phrases": ("x",)}


def test_unknown_key_refused_with_known_keys(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown key 'drop_phrase'; known keys: mode, drop_phrases"):
        load_config(write(tmp_path, 'drop_phrase = ["x"]\n'))


def test_bad_mode_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="mode must be one of precision, balanced, recall"):
        load_config(write(tmp_path, 'mode = "strict"\n'))


def test_non_string_list_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="drop_phrases must be a list of strings"):
        load_config(write(tmp_path, "drop_phrases = [1, 2]\n"))


def test_invalid_regex_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"drop pattern '\(unclosed' is not a valid regex"):
        load_config(write(tmp_path, "drop_patterns = ['(unclosed']\n"))


def test_unknown_stage_table_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[stages.no-such-stage\]: unknown stage"):
        load_config(write(tmp_path, "[stages.no-such-stage]\nx = 1\n"))


def test_bad_max_bytes_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="max_bytes must be a positive integer"):
        load_config(write(tmp_path, "max_bytes = -5\n"))


def test_invalid_toml_refused_with_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "mode = \n")
    with pytest.raises(ConfigError, match=r"clean.toml: not valid TOML"):
        load_config(path)


def test_pyproject_table_found(tmp_path: Path) -> None:
    write(tmp_path, '[project]\nname = "x"\n\n[tool.clean-article]\nmode = "recall"\n', "pyproject.toml")
    path, fields = find_config(tmp_path)
    assert path == tmp_path / "pyproject.toml" and fields == {"mode": "recall"}


def test_pyproject_without_table_gives_nothing(tmp_path: Path) -> None:
    write(tmp_path, '[project]\nname = "clean-article-fork"\n', "pyproject.toml")
    assert find_config(tmp_path) == (None, {})


def test_no_pyproject_gives_nothing(tmp_path: Path) -> None:
    assert find_config(tmp_path) == (None, {})


def test_errors_in_pyproject_table_are_reported(tmp_path: Path) -> None:
    write(tmp_path, '[tool.clean-article]\nmood = "recall"\n', "pyproject.toml")
    with pytest.raises(ConfigError, match="pyproject.toml: unknown key 'mood'"):
        find_config(tmp_path)
