"""The clean-article command through click's CliRunner: every option, every exit code."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner import DEFAULT, Document, Stage, all_stages, cli
from cleaner.stage import REGISTRY


class Marks(Stage):
    """Test stage: drop lines starting with DROP, lift TITLE:/BY: lines, raise on BOOM."""

    name = "test-marks"

    def run(self, doc: Document) -> Document:
        out, meta = [], {}
        for b in doc.blocks:
            if b.removal is None and b.text.startswith("DROP"):
                b = b.drop(self.name, "marked for dropping")
            elif b.removal is None and b.text.startswith(("TITLE: ", "BY: ")):
                key = "title" if b.text.startswith("T") else "author"
                meta[key] = b.text.split(": ", 1)[1]
                b = b.drop(self.name, "headline" if key == "title" else "byline", lifted_as=key)
            elif b.removal is None and b.text == "BOOM":
                raise RuntimeError("the test stage exploded")
            out.append(b)
        return doc.with_blocks(out).with_metadata(**meta)


class Opts(Stage):
    """Test stage: drop a line naming the run's mode, a drop phrase, or its own stage options."""

    name = "test-opts"

    def run(self, doc: Document) -> Document:
        o = self.options
        gone = {f"mode={o.mode}", f"max={o.max_bytes}", f"opt={o.stage_options.get(self.name)}"}
        gone.update(o.drop_phrases)
        return doc.with_blocks(
            b.drop(self.name, "option") if b.removal is None and b.text in gone else b for b in doc.blocks
        )


@pytest.fixture(autouse=True)
def test_stages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(REGISTRY, Marks.name, Marks)
    monkeypatch.setitem(REGISTRY, Opts.name, Opts)
    monkeypatch.chdir(tmp_path)  # no stray pyproject.toml; relative paths land in tmp_path


STAGES = ["--stages", "normalize,test-marks,test-opts"]
DUMP = "TITLE: Headline\nBY: A. Writer\nDROP this menu\n\nFirst paragraph.\nStill first.\n\nSecond.\n"
BODY = "First paragraph.\nStill first.\n\nSecond.\n"


def run(*args: str, input: str | bytes | None = None, stages: bool = True) -> Result:
    argv = [*(STAGES if stages else []), *args]
    return CliRunner().invoke(cli.main, argv, input=input, catch_exceptions=False)


def dump(path: str | Path, content: str | bytes = DUMP) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- one input ------------------------------------------------------------------------


def test_one_file_printed_to_stdout() -> None:
    result = run(str(dump("a.txt")))
    assert (result.exit_code, result.stdout, result.stderr) == (0, BODY, "")


def test_dash_reads_stdin() -> None:
    assert run("-", input=DUMP).stdout == BODY


def test_no_input_reads_stdin() -> None:
    assert run(input=DUMP).stdout == BODY


def test_no_input_and_terminal_stdin_is_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_stdin_is_tty", lambda: True)
    result = run()
    assert result.exit_code == 2 and "stdin is a terminal" in result.stderr


def test_output_file_written_atomically_with_nothing_on_stdout() -> None:
    result = run(str(dump("a.txt")), "-o", "out/a.clean")
    assert result.exit_code == 0 and result.stdout == ""
    assert Path("out/a.clean").read_text() == BODY
    assert os.listdir("out") == ["a.clean"]


def test_output_dash_means_stdout() -> None:
    assert run(str(dump("a.txt")), "-o", "-").stdout == BODY


def test_output_over_the_input_is_refused_and_input_untouched() -> None:
    path = dump("a.txt")
    result = run(str(path), "-o", "a.txt")
    assert result.exit_code == 2 and "refusing to write over the input" in result.stderr
    assert path.read_text() == DUMP


def test_format_json_gives_article_record() -> None:
    record = json.loads(run("--format", "json", input=DUMP).stdout)
    assert record["title"] == "Headline" and record["author"] == "A. Writer"
    assert record["text"] == BODY.rstrip("\n") and "source" not in record


def test_format_jsonl_gives_one_line_with_source() -> None:
    out = run(str(dump("a.txt")), "-f", "jsonl").stdout
    assert out.count("\n") == 1 and json.loads(out)["source"] == "a.txt"


def test_with_metadata_prints_header_above_body() -> None:
    out = run("--with-metadata", input=DUMP).stdout
    assert out == "Title: Headline\nAuthor: A. Writer\n\n" + BODY


def test_stages_option_runs_only_those_stages() -> None:
    assert run("--stages", "normalize", input="DROP x\nkept\n", stages=False).stdout == "DROP x\nkept\n"


def test_skip_leaves_a_stage_out() -> None:
    assert run("--skip", "test-marks", input="DROP x\nkept\n").stdout == "DROP x\nkept\n"


def test_skip_accepts_comma_list_and_repeats() -> None:
    result = run("--skip", "test-marks,test-opts", "--skip", "normalize", input="DROP x\n")
    assert result.stdout == "DROP x\n"


def test_unknown_stage_is_usage_error_listing_known_stages() -> None:
    result = run("--stages", "normalize,nope", stages=False, input="x\n")
    assert result.exit_code == 2 and "unknown stage 'nope'" in result.stderr and "normalize" in result.stderr


def test_unknown_skipped_stage_is_usage_error() -> None:
    assert run("--skip", "nope", input="x\n").exit_code == 2


def test_list_stages_matches_registry_default_order_first() -> None:
    result = run("--list-stages", stages=False)
    names = [line.split()[0] for line in result.stdout.splitlines()]
    registry = all_stages()
    defaults = [n for n in DEFAULT if n in registry]
    assert result.exit_code == 0
    assert names[: len(defaults)] == defaults and sorted(names) == sorted(registry)


def test_list_stages_shows_each_summary_and_flags_extras() -> None:
    lines = run("--list-stages", stages=False).stdout.splitlines()
    marks = next(line for line in lines if line.startswith("test-marks "))
    assert Marks.summary() in marks and marks.endswith("(not in the default pipeline)")


def test_version_option() -> None:
    assert run("--version", stages=False).stdout.startswith("clean-article ")


# --- options from flags and config -----------------------------------------------------------


def test_mode_flag_reaches_the_stages() -> None:
    assert run("--mode", "recall", input="mode=recall\nmode=balanced\n").stdout == "mode=balanced\n"


def test_bad_mode_is_usage_error() -> None:
    assert run("--mode", "strict", input="x\n").exit_code == 2


def test_config_file_sets_drop_phrases_mode_and_stage_options() -> None:
    dump("c.toml", 'mode = "precision"\ndrop_phrases = ["Sponsored"]\n[stages.test-opts]\nk = 1\n')
    text = "mode=precision\nSponsored\nopt={'k': 1}\nkept\n"
    assert run("--config", "c.toml", input=text).stdout == "kept\n"


def test_flag_wins_over_config() -> None:
    dump("c.toml", 'mode = "precision"\n')
    assert run("--config", "c.toml", "--mode", "recall", input="mode=recall\n").stdout == ""


def test_pyproject_table_read_without_config_flag() -> None:
    dump("pyproject.toml", '[tool.clean-article]\ndrop_phrases = ["Advert"]\n')
    assert run(input="Advert\nkept\n").stdout == "kept\n"


def test_config_flag_replaces_pyproject() -> None:
    dump("pyproject.toml", '[tool.clean-article]\ndrop_phrases = ["Advert"]\n')
    dump("c.toml", 'drop_phrases = ["Promo"]\n')
    assert run("--config", "c.toml", input="Advert\nPromo\n").stdout == "Advert\n"


def test_bad_config_is_usage_error_naming_the_problem() -> None:
    dump("c.toml", 'colour = "red"\n')
    result = run("--config", "c.toml", input="x\n")
    assert result.exit_code == 2 and "unknown key 'colour'" in result.stderr


def test_missing_config_file_is_usage_error() -> None:
    assert run("--config", "nope.toml", input="x\n").exit_code == 2


def test_max_bytes_accepts_units() -> None:
    assert run("--max-bytes", "2K", input="max=2000\nkept\n").stdout == "kept\n"


def test_max_bytes_refuses_larger_input_with_exit_1() -> None:
    result = run(str(dump("a.txt")), "--max-bytes", "10")
    assert result.exit_code == 1
    assert result.stderr.startswith("clean-article: a.txt: input is ") and "--max-bytes" in result.stderr


def test_max_bytes_refuses_larger_stdin() -> None:
    result = run("--max-bytes", "10", input="x" * 11)
    assert result.exit_code == 1 and result.stderr.startswith("clean-article: <stdin>: input is over")


def test_max_bytes_rejects_nonsense() -> None:
    result = run("--max-bytes", "lots", input="x\n")
    assert result.exit_code == 2 and "not a size" in result.stderr


# --- explain ------------------------------------------------------------------------------


def test_explain_goes_to_stderr_and_stdout_stays_data() -> None:
    result = run("--explain", input=DUMP)
    assert result.stdout == BODY
    err = result.stderr.splitlines()
    assert err[0] == "^ [test-marks] headline (lifted into title) | TITLE: Headline"
    assert err[2] == "- [test-marks] marked for dropping | DROP this menu"
    assert err[4] == "  First paragraph."


def test_explain_to_file() -> None:
    result = run("--explain-to", "why.txt", input=DUMP)
    assert result.stdout == BODY and result.stderr == ""
    assert "- [test-marks] marked for dropping | DROP this menu" in Path("why.txt").read_text()


def test_explain_to_stdout_when_output_goes_to_a_file() -> None:
    result = run("--explain-to", "-", "-o", "out.txt", input=DUMP)
    assert "- [test-marks] marked for dropping" in result.stdout and Path("out.txt").read_text() == BODY


def test_explain_to_stdout_refused_when_stdout_carries_data() -> None:
    result = run("--explain-to", "-", input=DUMP)
    assert result.exit_code == 2 and "stdout carries the cleaned output" in result.stderr


def test_explain_in_batch_titles_each_input() -> None:
    dump("d/a.txt")
    dump("d/b.txt")
    result = run("d", "-f", "jsonl", "--explain", "-j", "1")
    assert "==> d/a.txt <==" in result.stderr and "==> d/b.txt <==" in result.stderr


# --- several inputs ------------------------------------------------------------------------


def test_directory_mirrored_into_output_directory() -> None:
    dump("in/a.txt")
    dump("in/sub/b.md", "Only body.\n")
    result = run("in", "-o", "out", "-j", "1")
    assert result.exit_code == 0 and result.stdout == ""
    assert Path("out/a.txt").read_text() == BODY and Path("out/sub/b.txt").read_text() == "Only body.\n"


def test_directory_mirrored_as_json_files() -> None:
    dump("in/a.txt")
    dump("in/b.txt")
    run("in", "-o", "out", "-f", "json", "-j", "1")
    assert json.loads(Path("out/a.json").read_text())["title"] == "Headline"


def test_mirroring_leaves_no_temporary_files() -> None:
    for i in range(5):
        dump(f"in/{i}.txt")
    run("in", "-o", "out", "-j", "2")
    assert sorted(os.listdir("out")) == [f"{i}.txt" for i in range(5)]


def test_output_directory_inside_input_is_not_reread() -> None:
    dump("in/a.txt")
    dump("in/b.txt")
    run("in", "-o", "in/clean", "-j", "1")
    result = run("in", "-o", "in/clean", "-j", "1")
    assert result.exit_code == 0 and sorted(os.listdir("in/clean")) == ["a.txt", "b.txt"]


def test_output_directory_equal_to_input_is_refused() -> None:
    dump("in/a.txt")
    dump("in/b.md")
    result = run("in", "-o", "in")
    assert result.exit_code == 2 and "output directory is an input directory" in result.stderr


def test_several_inputs_without_output_is_usage_error() -> None:
    result = run(str(dump("a.txt")), str(dump("b.txt")))
    assert result.exit_code == 2 and "-o DIR" in result.stderr


def test_jsonl_streams_records_in_input_order() -> None:
    for name in ["c", "a", "b"]:
        dump(f"in/{name}.txt", f"Body of {name}.\n")
    out = run("in", "-f", "jsonl", "-j", "2").stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in records] == ["in/a.txt", "in/b.txt", "in/c.txt"]
    assert [r["text"] for r in records] == ["Body of a.", "Body of b.", "Body of c."]


def test_jsonl_to_output_file() -> None:
    dump("in/a.txt")
    dump("in/b.txt")
    result = run("in", "-f", "jsonl", "-o", "all.jsonl", "-j", "1")
    assert result.stdout == "" and len(Path("all.jsonl").read_text().splitlines()) == 2


def test_explicit_files_in_argument_order() -> None:
    dump("z.txt", "Zed.\n")
    dump("a.txt", "Ay.\n")
    out = run("z.txt", "a.txt", "-f", "jsonl", "-j", "1").stdout
    assert [json.loads(x)["text"] for x in out.splitlines()] == ["Zed.", "Ay."]


def test_stdin_among_several_inputs_in_jsonl() -> None:
    dump("a.txt", "File.\n")
    out = run("a.txt", "-", "-f", "jsonl", "-j", "1", input="Piped.\n").stdout
    assert [json.loads(x)["source"] for x in out.splitlines()] == ["a.txt", "<stdin>"]


def test_glob_chooses_files_from_directories() -> None:
    dump("in/a.txt")
    dump("in/b.dump", "Dump body.\n")
    out = run("in", "--glob", "*.dump", "-f", "jsonl").stdout
    assert [json.loads(x)["source"] for x in out.splitlines()] == ["in/b.dump"]


def test_default_glob_skips_other_files_and_hidden_ones() -> None:
    dump("in/a.txt")
    dump("in/notes.json", "{}")
    dump("in/.draft.txt")
    out = run("in", "-f", "jsonl").stdout
    assert [json.loads(x)["source"] for x in out.splitlines()] == ["in/a.txt"]


def test_summary_line_on_stderr_for_several_inputs() -> None:
    dump("in/a.txt")
    dump("in/b.txt")
    result = run("in", "-o", "out", "-j", "1")
    assert result.stderr.startswith("clean-article: 2 files, 0 failed, ") and "removed" in result.stderr


def test_quiet_silences_the_summary() -> None:
    dump("in/a.txt")
    dump("in/b.txt")
    assert run("in", "-o", "out", "-q").stderr == ""


def test_progress_bar_run_still_writes_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_stderr_is_tty", lambda: True)
    dump("in/a.txt")
    dump("in/b.txt")
    result = run("in", "-o", "out", "-j", "1")
    assert result.exit_code == 0 and sorted(os.listdir("out")) == ["a.txt", "b.txt"]


def test_jobs_must_be_positive() -> None:
    assert run("-j", "0", input="x\n").exit_code == 2


# --- failures and bad input -------------------------------------------------------------------


def test_failed_input_named_in_one_line_and_the_rest_written() -> None:
    dump("in/a.txt")
    dump("in/b.txt", b"\x00\x01\x02binary")
    dump("in/c.txt")
    result = run("in", "-o", "out", "-j", "2")
    assert result.exit_code == 1
    assert "clean-article: in/b.txt: not a text dump (contains NUL bytes)\n" in result.stderr
    assert sorted(os.listdir("out")) == ["a.txt", "c.txt"]
    assert "1 failed" in result.stderr


def test_binary_single_input_refused_with_exit_1() -> None:
    path = dump("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run(str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "clean-article: blob.txt: not a text dump (contains NUL bytes)\n"


def test_missing_input_file_named_with_exit_1() -> None:
    result = run("nope.txt")
    assert result.exit_code == 1 and result.stderr == "clean-article: nope.txt: No such file or directory\n"


def test_unexpected_error_is_one_line_without_traceback() -> None:
    result = run(input="BOOM\n")
    assert result.exit_code == 1
    assert result.stderr == "clean-article: <stdin>: internal error: RuntimeError: the test stage exploded\n"


def test_unexpected_error_in_worker_is_one_line_and_others_written() -> None:
    for name in "abcd":
        dump(f"in/{name}.txt", "BOOM\n" if name == "b" else "fine\n")
    result = run("in", "-o", "out", "-j", "2")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "clean-article: in/b.txt: internal error: RuntimeError: the test stage exploded" in result.stderr
    assert sorted(os.listdir("out")) == ["a.txt", "c.txt", "d.txt"]


def test_empty_input_gives_empty_output_and_exit_0() -> None:
    result = run(str(dump("empty.txt", b"")))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_empty_input_as_json_has_empty_text() -> None:
    assert json.loads(run("-f", "json", input=b"").stdout)["text"] == ""


def test_crlf_input_gives_lf_output() -> None:
    assert run(input=DUMP.replace("\n", "\r\n").encode()).stdout == BODY


def test_utf8_bom_input() -> None:
    assert run(input=codecs.BOM_UTF8 + "Café crème.\n".encode()).stdout == "Café crème.\n"


def test_utf16_bom_input() -> None:
    assert run(input="Grüße, Zürich.\n".encode("utf-16")).stdout == "Grüße, Zürich.\n"


def test_cp1252_input() -> None:
    assert run(input="“Déjà vu” – 5€\n".encode("cp1252")).stdout == "“Déjà vu” – 5€\n"


def test_five_megabyte_single_line_completes() -> None:
    line = "word " * 1_000_000
    result = run(input=line.encode())
    assert result.exit_code == 0 and result.stdout == line.strip() + "\n"


def test_directory_without_matching_files_exits_1() -> None:
    dump("in/data.csv", "a,b\n")
    result = run("in", "-o", "out")
    assert result.exit_code == 1 and "clean-article: in: no files here match" in result.stderr
