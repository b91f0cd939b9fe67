"""Batch runs: planning inputs and outputs, workers, input order, failures, the report."""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

import pytest

from cleaner import Document, Stage
from cleaner.batch import (
    WORKER_DIED,
    Cleaner,
    Outcome,
    Plan,
    PlanError,
    Report,
    Settings,
    Task,
    execute,
    human_bytes,
    plan,
    read_document,
    run_tasks,
    walk,
)
from cleaner.stage import REGISTRY

PARENT_PID = os.getpid()


class Marks(Stage):
    """Test stage: drop lines starting with DROP, lift a ``TITLE:`` line into the title."""

    name = "test-marks"

    def run(self, doc: Document) -> Document:
        out, title = [], None
        for b in doc.blocks:
            if b.removal is None and b.text.startswith("DROP"):
                b = b.drop(self.name, "marked for dropping")
            elif b.removal is None and b.text.startswith("TITLE: "):
                title = b.text[7:]
                b = b.drop(self.name, "headline", lifted_as="title")
            out.append(b)
        return doc.with_blocks(out).with_metadata(title=title)


class Trouble(Stage):
    """Test stage: BOOM raises, SLOW sleeps, DIE kills a worker process (never the test process)."""

    name = "test-trouble"

    def run(self, doc: Document) -> Document:
        text = "\n".join(b.text for b in doc.blocks)
        if "BOOM" in text:
            raise ValueError("boom\nsecond line")
        if "SLOW" in text:
            time.sleep(0.3)
        if "DIE" in text and os.getpid() != PARENT_PID:
            os._exit(7)
        return doc


@pytest.fixture(autouse=True)
def test_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REGISTRY, Marks.name, Marks)
    monkeypatch.setitem(REGISTRY, Trouble.name, Trouble)


SETTINGS = Settings(stages=("normalize", "test-marks", "test-trouble"), fmt="jsonl")


def make_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return root


# --- walking -------------------------------------------------------------------


def test_walk_is_recursive_and_sorted(tmp_path: Path) -> None:
    make_tree(tmp_path, {"b.txt": "x", "a/z.txt": "x", "a/c.txt": "x"})
    files, errors = walk(str(tmp_path), ["*.txt"])
    assert [os.path.relpath(f, tmp_path) for f in files] == ["a/c.txt", "a/z.txt", "b.txt"]
    assert errors == []


def test_walk_skips_hidden_files_and_directories(tmp_path: Path) -> None:
    make_tree(tmp_path, {".hidden.txt": "x", ".git/x.txt": "x", "seen.txt": "x"})
    files, _ = walk(str(tmp_path), ["*.txt"])
    assert [os.path.basename(f) for f in files] == ["seen.txt"]


def test_walk_matches_globs_on_name(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x", "b.md": "x", "c.json": "x"})
    files, _ = walk(str(tmp_path), ["*.md", "*.json"])
    assert [os.path.basename(f) for f in files] == ["b.md", "c.json"]


def test_walk_glob_with_slash_matches_relative_path(tmp_path: Path) -> None:
    make_tree(tmp_path, {"keep/a.txt": "x", "other/b.txt": "x"})
    files, _ = walk(str(tmp_path), ["keep/*.txt"])
    assert [os.path.relpath(f, tmp_path) for f in files] == ["keep/a.txt"]


def test_walk_skips_the_output_directory(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x", "out/a.txt": "x"})
    files, _ = walk(str(tmp_path), ["*.txt"], skip_dirs=[str(tmp_path / "out")])
    assert [os.path.relpath(f, tmp_path) for f in files] == ["a.txt"]


def test_walk_does_not_follow_symlinked_directory_loops(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x"})
    (tmp_path / "loop").symlink_to(tmp_path)
    files, _ = walk(str(tmp_path), ["*.txt"])
    assert [os.path.basename(f) for f in files] == ["a.txt"]


# --- planning ----------------------------------------------------------------------


def test_no_input_reads_stdin() -> None:
    p = plan([], stdin=io.BytesIO(b"hello\n"))
    assert p.single and p.tasks == [Task("<stdin>", data=b"hello\n")]


def test_no_input_with_terminal_stdin_is_refused() -> None:
    with pytest.raises(PlanError, match="stdin is a terminal"):
        plan([], stdin_is_tty=True)


def test_stdin_twice_is_refused() -> None:
    with pytest.raises(PlanError, match="only once"):
        plan(["-", "-"], fmt="jsonl", stdin=io.BytesIO(b""))


def test_one_file_is_a_single_run_to_stdout(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x"})
    p = plan([str(tmp_path / "a.txt")])
    assert p.single and p.tasks[0].output is None


def test_one_file_into_existing_directory_takes_its_name(tmp_path: Path) -> None:
    make_tree(tmp_path, {"in/a.md": "x", "out/keep": "x"})
    p = plan([str(tmp_path / "in/a.md")], output=str(tmp_path / "out"), fmt="json")
    assert p.tasks[0].output == str(tmp_path / "out" / "a.json")


def test_single_output_over_its_input_is_refused(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x"})
    with pytest.raises(PlanError, match="refusing to write over the input"):
        plan([str(tmp_path / "a.txt")], output=str(tmp_path / "./a.txt"))


def test_several_inputs_without_output_need_jsonl(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x", "b.txt": "x"})
    with pytest.raises(PlanError, match="-o DIR.*--format jsonl"):
        plan([str(tmp_path)])


def test_directory_mirrors_relative_paths_with_format_extension(tmp_path: Path) -> None:
    make_tree(tmp_path, {"in/a.txt": "x", "in/sub/b.md": "x"})
    p = plan([str(tmp_path / "in")], output=str(tmp_path / "out"), fmt="json")
    outputs = [os.path.relpath(t.output or "", tmp_path / "out") for t in p.tasks]
    assert outputs == ["a.json", "sub/b.json"]


def test_two_directories_mirror_under_their_own_names(tmp_path: Path) -> None:
    make_tree(tmp_path, {"x/a.txt": "x", "y/a.txt": "x"})
    p = plan([str(tmp_path / "x"), str(tmp_path / "y")], output=str(tmp_path / "out"))
    assert [os.path.relpath(t.output or "", tmp_path / "out") for t in p.tasks] == ["x/a.txt", "y/a.txt"]


def test_inputs_sharing_an_output_second_one_fails(tmp_path: Path) -> None:
    make_tree(tmp_path, {"in/a.txt": "x", "in/a.md": "x"})
    tasks = list(plan([str(tmp_path / "in")], output=str(tmp_path / "out")).tasks)
    assert [(os.path.basename(t.name), t.error is None) for t in tasks] == [("a.md", True), ("a.txt", False)]
    assert "same output as" in (tasks[1].error or "")


def test_explicit_inputs_sharing_an_output_are_refused(tmp_path: Path) -> None:
    make_tree(tmp_path, {"in/a.txt": "x", "in/a.md": "x"})
    with pytest.raises(PlanError, match="would both be written to"):
        plan([str(tmp_path / "in/a.txt"), str(tmp_path / "in/a.md")], output=str(tmp_path / "out"))


def test_mirrored_output_over_an_input_is_refused(tmp_path: Path) -> None:
    make_tree(tmp_path, {"d/a.txt": "x", "d/b.txt": "x"})
    with pytest.raises(PlanError, match="refusing to write over the input"):
        plan([str(tmp_path / "d/a.txt"), str(tmp_path / "d/b.txt")], output=str(tmp_path / "d"))


def test_output_directory_equal_to_input_directory_is_refused(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x", "b.md": "x"})
    with pytest.raises(PlanError, match="is an input directory"):
        plan([str(tmp_path)], output=str(tmp_path))


def test_output_directory_inside_input_is_not_read(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x", "clean/old.txt": "x"})
    p = plan([str(tmp_path)], output=str(tmp_path / "clean"))
    assert [os.path.basename(t.name) for t in p.tasks] == ["a.txt"]


def test_jsonl_output_file_inside_input_is_not_read(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x", "all.jsonl": "{}"})
    p = plan([str(tmp_path)], fmt="jsonl", output=str(tmp_path / "all.jsonl"), globs=["*"])
    assert [os.path.basename(t.name) for t in p.tasks] == ["a.txt"]


def test_jsonl_output_over_an_input_is_refused(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x", "b.txt": "x"})
    with pytest.raises(PlanError, match="refusing to write over the input"):
        plan([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], fmt="jsonl", output=str(tmp_path / "b.txt"))


def test_jsonl_output_to_a_directory_is_refused(tmp_path: Path) -> None:
    make_tree(tmp_path, {"in/a.txt": "x", "in/b.txt": "x"})
    (tmp_path / "out").mkdir()
    with pytest.raises(PlanError, match="give -o a file"):
        plan([str(tmp_path / "in")], fmt="jsonl", output=str(tmp_path / "out"))


def test_text_output_to_an_existing_file_is_refused_for_several_inputs(tmp_path: Path) -> None:
    make_tree(tmp_path, {"in/a.txt": "x", "in/b.txt": "x", "out.txt": "x"})
    with pytest.raises(PlanError, match="not a directory"):
        plan([str(tmp_path / "in")], output=str(tmp_path / "out.txt"))


def test_stdin_cannot_be_mirrored_into_a_directory(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x"})
    with pytest.raises(PlanError, match="stdin"):
        plan(["-", str(tmp_path / "a.txt")], output=str(tmp_path / "out"), stdin=io.BytesIO(b""))


def test_same_file_named_twice_is_cleaned_once(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x", "b.txt": "x"})
    p = plan([str(tmp_path), str(tmp_path / "a.txt")], fmt="jsonl")
    assert len(list(p.tasks)) == 2


# --- cleaning ------------------------------------------------------------------------


def test_cleaner_renders_and_measures() -> None:
    outcome = Cleaner(SETTINGS)(Task("t", data=b"TITLE: Head\nDROP me\nBody\n"))
    assert outcome.ok and json.loads(outcome.rendered or "") == {
        "source": "t", "title": "Head", "description": None, "published": None,
        "published_raw": None, "author": None, "text": "Body",
    }
    assert outcome.bytes_in == 25 and outcome.chars_in == 4 + 7 + 11 and outcome.chars_removed == 18


def test_unexpected_exception_becomes_one_line_failure() -> None:
    outcome = Cleaner(SETTINGS)(Task("t", data=b"BOOM\n"))
    assert outcome.error == "internal error: ValueError: boom second line"


def test_binary_input_fails_with_not_a_text_dump() -> None:
    assert Cleaner(SETTINGS)(Task("t", data=b"\x00\x01")).error == "not a text dump (contains NUL bytes)"


def test_missing_file_fails_with_os_message(tmp_path: Path) -> None:
    outcome = Cleaner(SETTINGS)(Task("t", path=str(tmp_path / "nope.txt")))
    assert outcome.error == "No such file or directory"


def test_file_over_max_bytes_fails_before_reading(tmp_path: Path) -> None:
    make_tree(tmp_path, {"big.txt": "x" * 100})
    from cleaner import Options

    settings = Settings(options=Options(max_bytes=10), stages=("normalize",))
    outcome = Cleaner(settings)(Task("t", path=str(tmp_path / "big.txt")))
    assert outcome.error == "input is 100 bytes, over the limit of 10 bytes (--max-bytes)"


def test_output_file_written_and_not_returned(tmp_path: Path) -> None:
    out = tmp_path / "o" / "a.txt"
    outcome = Cleaner(Settings(stages=("normalize",)))(Task("t", data=b"Body\n", output=str(out)))
    assert outcome.rendered is None and out.read_text() == "Body\n"


def test_explain_lines_returned_when_asked() -> None:
    settings = Settings(stages=("normalize", "test-marks"), explain=True)
    outcome = Cleaner(settings)(Task("t", data=b"DROP x\nBody\n"))
    assert [ln.mark for ln in outcome.explain or []] == ["-", " "]


def test_html_input_goes_to_the_html_reader() -> None:
    doc = read_document(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", source="p", max_bytes=10**6)
    assert doc.kind == "html"


def test_text_starting_with_angle_bracket_stays_text() -> None:
    assert read_document(b"<3 this article\nBody\n", source="p", max_bytes=10**6).kind == "text"


def tasks_of(texts: list[str]) -> list[Task]:
    return [Task(f"in{i}", data=t.encode()) for i, t in enumerate(texts)]


def test_outcomes_come_in_input_order_with_workers() -> None:
    texts = ["SLOW first", *[f"fast {i}" for i in range(30)]]
    outcomes = list(run_tasks(tasks_of(texts), SETTINGS, jobs=2, chunk_size=1))
    assert [o.name for o in outcomes] == [f"in{i}" for i in range(31)]


def test_workers_and_in_process_give_identical_outputs() -> None:
    texts = [f"TITLE: T{i}\nDROP x\nline {i}\n" for i in range(20)]
    one = [o.rendered for o in run_tasks(tasks_of(texts), SETTINGS, jobs=1)]
    two = [o.rendered for o in run_tasks(tasks_of(texts), SETTINGS, jobs=2, chunk_size=3)]
    assert one == two and all(one)


def test_failure_in_a_worker_does_not_stop_the_others() -> None:
    outcomes = list(run_tasks(tasks_of(["ok 1", "BOOM", "ok 2"]), SETTINGS, jobs=2, chunk_size=1))
    assert [o.ok for o in outcomes] == [True, False, True]


def test_input_that_kills_its_worker_is_reported_and_the_rest_cleaned() -> None:
    texts = [f"ok {i}" for i in range(10)]
    texts[4] = "DIE"
    outcomes = list(run_tasks(tasks_of(texts), SETTINGS, jobs=2, chunk_size=2))
    assert [o.name for o in outcomes] == [f"in{i}" for i in range(10)]
    assert [o.error for o in outcomes if not o.ok] == [WORKER_DIED]
    assert outcomes[4].error == WORKER_DIED


# --- report and execute ----------------------------------------------------------------


def test_report_summary_counts_files_failures_bytes_and_removed_share() -> None:
    report = Report()
    report.add(Outcome("a", bytes_in=2500, bytes_out=1000, chars_in=100, chars_removed=25))
    report.add(Outcome("b", error="bad"))
    assert report.summary() == "2 files, 1 failed, 2.5 kB in, 1.0 kB out, 25.0% removed"
    assert report.exit_code == 1


def test_report_of_clean_run_exits_zero() -> None:
    report = Report()
    report.add(Outcome("a"))
    assert report.exit_code == 0 and report.summary().startswith("1 file, 0 failed")


@pytest.mark.parametrize(
    ("n", "shown"), [(0, "0 B"), (999, "999 B"), (1500, "1.5 kB"), (2_300_000, "2.3 MB")]
)
def test_human_bytes(n: int, shown: str) -> None:
    assert human_bytes(n) == shown


def run_plan(p: Plan, **kw: object) -> tuple[Report, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    report = execute(p, SETTINGS, jobs=1, stdout=out, stderr=err, **kw)  # type: ignore[arg-type]
    return report, out.getvalue(), err.getvalue()


def test_execute_streams_records_in_order_and_names_failures() -> None:
    report, out, err = run_plan(Plan(tasks_of(["a", "BOOM", "b"])))
    assert [json.loads(x)["source"] for x in out.splitlines()] == ["in0", "in2"]
    assert err.splitlines()[0] == "clean-article: in1: internal error: ValueError: boom second line"
    assert err.splitlines()[1].startswith("clean-article: 3 files, 1 failed")
    assert report.exit_code == 1


def test_execute_quiet_has_no_summary() -> None:
    _, _, err = run_plan(Plan(tasks_of(["a", "b"])), quiet=True)
    assert err == ""


def test_execute_single_run_has_no_summary() -> None:
    _, out, err = run_plan(Plan(tasks_of(["a"]), single=True))
    assert out and err == ""


def test_execute_reports_planning_failures() -> None:
    report, _, err = run_plan(Plan(tasks_of(["a"]), failures=[("dir/locked", "Permission denied")]))
    assert "clean-article: dir/locked: Permission denied" in err and report.failed == 1


def test_execute_writes_jsonl_stream_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "all.jsonl"
    _, out, _ = run_plan(Plan(tasks_of(["a", "b"]), stream=str(target)))
    assert out == b"" and len(target.read_text().splitlines()) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["all.jsonl"]


def test_execute_interrupted_leaves_no_stream_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "all.jsonl"

    def interrupted(*_a: object, **_k: object) -> object:
        yield Outcome("a", rendered="{}\n")
        raise KeyboardInterrupt

    monkeypatch.setattr("cleaner.batch.run_tasks", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_plan(Plan(tasks_of(["a", "b"]), stream=str(target)))
    assert list(tmp_path.iterdir()) == []


def test_directory_without_matching_files_is_a_failure(tmp_path: Path) -> None:
    make_tree(tmp_path, {"in/notes.json": "{}", "other/a.txt": "x"})
    p = plan([str(tmp_path / "in"), str(tmp_path / "other")], fmt="jsonl")
    message = "no files here match *.txt, *.md, *.html, *.htm (see --glob)"
    tasks = list(p.tasks)
    assert [(t.name, t.error) for t in tasks[:1]] == [(str(tmp_path / "in"), message)]
    assert len(tasks) == 2 and tasks[1].error is None


def test_file_name_with_newline_reported_on_one_line() -> None:
    _, _, err = run_plan(Plan([Task("bad\nname.txt", data=b"\x00")]), quiet=True)
    assert err == "clean-article: bad\\nname.txt: not a text dump (contains NUL bytes)\n"


def test_unwritable_output_named_in_the_failure(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where a directory should be")
    target = tmp_path / "blocker" / "a.txt"
    outcome = Cleaner(Settings(stages=("normalize",)))(Task("in/a.txt", data=b"x\n", output=str(target)))
    assert outcome.error is not None and outcome.error.startswith(f"cannot write {target}: ")


def test_in_process_run_reuses_the_given_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = SETTINGS.pipeline()
    monkeypatch.setattr(Settings, "pipeline", lambda self: pytest.fail("pipeline built twice"))
    outcomes = list(run_tasks(tasks_of(["a"]), SETTINGS, jobs=1, pipeline=pipeline))
    assert outcomes[0].ok


def test_forked_workers_reuse_the_parents_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = SETTINGS.pipeline()

    def no_second_build(self: Settings) -> object:
        raise AssertionError("pipeline built again")

    monkeypatch.setattr(Settings, "pipeline", no_second_build)
    outcomes = list(run_tasks(tasks_of(["a", "b", "c"]), SETTINGS, jobs=2, chunk_size=1, pipeline=pipeline))
    assert [o.error for o in outcomes] == [None, None, None]


def test_file_name_that_is_not_utf8_is_cleaned_and_shown_with_replacement(tmp_path: Path) -> None:
    raw_name = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(raw_name, "wb") as handle:
        handle.write(b"Body.\n")
    (tmp_path / "b.txt").write_text("Other.\n")
    p = plan([str(tmp_path)], fmt="jsonl")
    report, out, _ = run_plan(p)
    assert report.exit_code == 0
    assert [os.path.basename(json.loads(x)["source"]) for x in out.splitlines()] == ["b.txt", "caf\ufffd.txt"]


def test_one_file_into_new_directory_named_with_trailing_slash(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.txt": "x"})
    p = plan([str(tmp_path / "a.txt")], output=str(tmp_path / "new") + "/")
    assert p.tasks[0].output == os.path.join(str(tmp_path / "new") + "/", "a.txt")
