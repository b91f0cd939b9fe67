"""--learn-templates and --templates on the command line."""

from __future__ import annotations

import json
import random
from pathlib import Path

from click.testing import CliRunner, Result

from cleaner.cli import main
from tests.templates_corpus import COURIER_BOTTOM, courier_page, write_site

TEMPLATE_LINE = COURIER_BOTTOM[0]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["-q", "-j", "1", *args], catch_exceptions=False)


def outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


def test_template_line_is_kept_without_templates(tmp_path: Path) -> None:
    # The premise of the tests below: the default pipeline alone keeps this footer line.
    write_site(tmp_path / "in", "courier", 4)
    assert run(str(tmp_path / "in"), "-o", str(tmp_path / "out")).exit_code == 0
    assert all(TEMPLATE_LINE in text.decode() for text in outputs(tmp_path / "out").values())


def test_learn_templates_removes_the_site_template(tmp_path: Path) -> None:
    write_site(tmp_path / "in", "courier", 4)
    learn = str(tmp_path / "t.json")
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--learn-templates", learn)
    assert result.exit_code == 0, result.output
    texts = outputs(tmp_path / "out")
    assert len(texts) == 4
    assert not any(TEMPLATE_LINE in text.decode() for text in texts.values())


def test_learn_templates_saves_the_learned_blocks(tmp_path: Path) -> None:
    write_site(tmp_path / "in", "courier", 4)
    run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--learn-templates", str(tmp_path / "t.json"))
    saved = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    (site,) = saved["sites"].values()
    assert site["pages"] == 4
    assert site["blocks"][TEMPLATE_LINE.casefold()] == 4


def test_saved_templates_clean_a_new_page_of_the_site(tmp_path: Path) -> None:
    write_site(tmp_path / "in", "courier", 4)
    run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--learn-templates", str(tmp_path / "t.json"))
    new = tmp_path / "in" / "courier" / "story-20.txt"
    new.write_text(courier_page(20), encoding="utf-8")
    result = run(str(new), "--templates", str(tmp_path / "t.json"))
    assert result.exit_code == 0
    assert TEMPLATE_LINE not in result.output
    assert "before the end of the season." in result.output


def test_learned_templates_and_outputs_do_not_depend_on_input_order(tmp_path: Path) -> None:
    paths = write_site(tmp_path / "in", "a", 4) + write_site(tmp_path / "in", "b", 5, first=7)
    shuffled = paths[:]
    random.Random(11).shuffle(shuffled)
    for name, order in (("one", paths), ("two", shuffled)):
        result = run(
            *map(str, order), "-o", str(tmp_path / name), "--learn-templates", str(tmp_path / f"{name}.json")
        )
        assert result.exit_code == 0
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_learning_with_workers_gives_the_same_templates(tmp_path: Path) -> None:
    write_site(tmp_path / "in", "a", 4)
    write_site(tmp_path / "in", "b", 3, first=9)
    run(str(tmp_path / "in"), "-o", str(tmp_path / "one"), "--learn-templates", str(tmp_path / "one.json"))
    result = CliRunner().invoke(
        main,
        ["-q", "-j", "2", str(tmp_path / "in"), "-o", str(tmp_path / "two"),
         "--learn-templates", str(tmp_path / "two.json")],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_learn_and_templates_together_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "t.json").write_text("{}", encoding="utf-8")
    (tmp_path / "p.txt").write_text("Some text.\n", encoding="utf-8")
    result = run(str(tmp_path / "p.txt"), "--templates", str(tmp_path / "t.json"), "--learn-templates", "x")
    assert result.exit_code == 2
    assert "cannot be used together" in result.output


def test_a_file_that_is_not_templates_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "t.json").write_text('{"hello": 1}', encoding="utf-8")
    (tmp_path / "p.txt").write_text("Some text.\n", encoding="utf-8")
    result = run(str(tmp_path / "p.txt"), "--templates", str(tmp_path / "t.json"))
    assert result.exit_code == 2
    assert "not a site-templates file" in result.output
    assert "Traceback" not in result.output


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text("Some text.\n", encoding="utf-8")
    result = run(str(tmp_path / "p.txt"), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "--engine dask" in result.output


def test_learn_templates_refuses_stdin() -> None:
    result = CliRunner().invoke(main, ["--learn-templates", "t.json", "-"], input="Some text.\n")
    assert result.exit_code == 2
    assert "stdin" in result.output
