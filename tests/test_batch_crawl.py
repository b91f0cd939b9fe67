"""Crawl-scale batch runs: container tasks, shards and resume, the report file, the time limit, safety."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import time
from pathlib import Path

import pytest

from cleaner import Document, Stage
from cleaner.batch import (
    NOT_REGULAR,
    PROGRESS_NAME,
    Cleaner,
    Plan,
    PlanError,
    Report,
    Settings,
    Sources,
    Task,
    execute,
    iter_walk,
    plan,
    run_tasks,
)
from cleaner.stage import REGISTRY

from .conftest import jsonl_lines, write


class Hang(Stage):
    """Test stage: a page saying HANG never finishes on its own; BOOM raises."""

    name = "test-hang"

    def run(self, doc: Document) -> Document:
        text = "\n".join(b.text for b in doc.blocks)
        if "HANG" in text:
            while True:
                time.sleep(0.01)
        if "BOOM" in text:
            raise ValueError("boom")
        return doc


class Swallow(Stage):
    """Test stage: hangs inside an ``except Exception`` that would swallow an ordinary exception."""

    name = "test-swallow"

    def run(self, doc: Document) -> Document:
        if "HANG" in "\n".join(b.text for b in doc.blocks):
            while True:
                with contextlib.suppress(Exception):  # swallows any ordinary exception
                    time.sleep(0.01)
        return doc


PARENT_PID = os.getpid()


class Stubborn(Stage):
    """Test stage: in a worker process, STUCK never returns and its alarm never lands (as in C code)."""

    name = "test-stubborn"

    def run(self, doc: Document) -> Document:
        if "STUCK" in "\n".join(b.text for b in doc.blocks) and os.getpid() != PARENT_PID:
            import signal

            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            while True:
                time.sleep(0.01)
        return doc


@pytest.fixture(autouse=True)
def test_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REGISTRY, Hang.name, Hang)
    monkeypatch.setitem(REGISTRY, Swallow.name, Swallow)
    monkeypatch.setitem(REGISTRY, Stubborn.name, Stubborn)


JSONL = Settings(stages=("normalize", "test-hang"), fmt="jsonl")
TEXT = Settings(stages=("normalize", "test-hang"), fmt="text")




def run(p: Plan, settings: Settings = JSONL, jobs: int = 1, **kw: object) -> tuple[Report, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    report = execute(p, settings, jobs=jobs, stdout=out, stderr=err, **kw)  # type: ignore[arg-type]
    return report, out.getvalue(), err.getvalue()


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (hidden ones too), by relative path."""
    found = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            found[os.path.relpath(path, root)] = Path(path).read_bytes()
    return found


# --- containers in a plan ----------------------------------------------------------


def test_jsonl_container_gives_one_task_per_record_with_its_fields(tmp_path: Path) -> None:
    write(tmp_path, {"s.jsonl": jsonl_lines({"id": "a", "text": "one"}, {"id": "b", "text": "two", "k": 1})})
    tasks = list(plan([str(tmp_path / "s.jsonl")], fmt="jsonl").tasks)
    assert [(t.data, t.fields) for t in tasks] == [(b"one", {"id": "a"}), (b"two", {"id": "b", "k": 1})]


def test_one_container_is_a_batch_not_a_single_run(tmp_path: Path) -> None:
    write(tmp_path, {"s.jsonl": jsonl_lines({"text": "one"})})
    with pytest.raises(PlanError, match="several inputs"):
        plan([str(tmp_path / "s.jsonl")])


def test_container_records_stream_through_with_passthrough_fields(tmp_path: Path) -> None:
    write(tmp_path, {"s.jsonl.gz": gzip.compress(jsonl_lines(
        {"id": "a", "url": "https://x.example/a", "crawl": {"n": 1}, "text": "Body line.\n"},
    ).encode())})
    _, out, _ = run(plan([str(tmp_path / "s.jsonl.gz")], fmt="jsonl"))
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["id"] == "a" and record["url"] == "https://x.example/a" and record["crawl"] == {"n": 1}
    assert record["text"] == "Body line." and record["source"] == f"{tmp_path / 's.jsonl.gz'}:1"


def test_record_own_source_field_is_kept(tmp_path: Path) -> None:
    write(tmp_path, {"s.jsonl": jsonl_lines({"source": "crawler-7", "text": "Body.\n"})})
    _, out, _ = run(plan([str(tmp_path / "s.jsonl")], fmt="jsonl"))
    assert json.loads(out)["source"] == "crawler-7"


def test_container_records_mirror_into_a_directory_named_after_it(tmp_path: Path) -> None:
    write(tmp_path, {"in/s.jsonl": jsonl_lines({"id": "a", "text": "A.\n"}, {"id": "b", "text": "B.\n"})})
    report, _, _ = run(plan([str(tmp_path / "in/s.jsonl")], output=str(tmp_path / "out")), TEXT)
    assert report.exit_code == 0
    assert tree(tmp_path / "out") == {"s/a.txt": b"A.\n", "s/b.txt": b"B.\n"}


def test_record_ids_cannot_escape_the_output_directory(tmp_path: Path) -> None:
    ids = ["../../escaped", "/tmp/absolute", "..", "a/../../b", ".hidden"]
    lines = jsonl_lines(*({"id": i, "text": f"Body {n}.\n"} for n, i in enumerate(ids)))
    write(tmp_path, {"in/s.jsonl": lines})
    before = sorted(p.name for p in tmp_path.iterdir())
    report, _, _ = run(plan([str(tmp_path / "in/s.jsonl")], output=str(tmp_path / "out")), TEXT)
    assert report.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == before + ["out"]
    written = tree(tmp_path / "out")
    assert len(written) == len(ids) and all(k.startswith("s/") and k.count("/") == 1 for k in written)
    assert not any(os.path.basename(k).startswith(".") for k in written)


def test_duplicate_record_ids_get_distinct_outputs(tmp_path: Path) -> None:
    lines = jsonl_lines({"id": "same", "text": "One.\n"}, {"id": "same", "text": "Two.\n"})
    write(tmp_path, {"in/s.jsonl": lines})
    run(plan([str(tmp_path / "in/s.jsonl")], output=str(tmp_path / "out")), TEXT)
    assert sorted(tree(tmp_path / "out").values()) == [b"One.\n", b"Two.\n"]


def test_broken_record_fails_alone_and_the_summary_says_inputs(tmp_path: Path) -> None:
    write(tmp_path, {"s.jsonl": '{"text": "A.\\n"}\nnot json\n{"text": "B.\\n"}\n'})
    report, out, err = run(plan([str(tmp_path / "s.jsonl")], fmt="jsonl"))
    assert len(out.splitlines()) == 2 and report.failed == 1 and report.exit_code == 1
    assert f"{tmp_path / 's.jsonl'}:2: line 2 is not a JSON object" in err
    assert "3 inputs, 1 failed" in err


def test_truncated_gzip_container_fails_after_its_good_records(tmp_path: Path) -> None:
    data = gzip.compress(jsonl_lines(*({"text": f"Line {i}.\n"} for i in range(200))).encode())
    write(tmp_path, {"s.jsonl.gz": data[: len(data) // 2]})
    report, out, err = run(plan([str(tmp_path / "s.jsonl.gz")], fmt="jsonl"))
    assert report.exit_code == 1 and report.failed == 1 and len(out.splitlines()) == report.files - 1
    assert "cannot read after" in err


def test_file_that_is_not_gzip_fails_as_one_input(tmp_path: Path) -> None:
    write(tmp_path, {"s.jsonl.gz": "plain text, not gzip"})
    report, _, err = run(plan([str(tmp_path / "s.jsonl.gz")], fmt="jsonl"))
    assert report.failed == 1 and "cannot read" in err


def test_jsonl_from_stdin_when_the_input_format_says_so() -> None:
    stdin = io.BytesIO(jsonl_lines({"text": "A.\n"}, {"text": "B.\n"}).encode())
    p = plan(["-"], fmt="jsonl", stdin=stdin, sources=Sources(input_format="jsonl"))
    _, out, _ = run(p)
    assert [json.loads(x)["source"] for x in out.splitlines()] == ["<stdin>:1", "<stdin>:2"]


def test_input_format_file_reads_a_jsonl_file_as_one_page(tmp_path: Path) -> None:
    write(tmp_path, {"s.jsonl": jsonl_lines({"text": "A"})})
    p = plan([str(tmp_path / "s.jsonl")], sources=Sources(input_format="file"))
    assert p.single


# --- lazy planning and walking -----------------------------------------------------------


def test_directories_are_walked_only_when_the_run_reaches_them(tmp_path: Path) -> None:
    write(tmp_path, {"a/1.txt": "x", "b/2.txt": "x"})
    tasks = iter(plan([str(tmp_path / "a"), str(tmp_path / "b")], fmt="jsonl").tasks)
    assert os.path.basename(next(tasks).name) == "1.txt"
    write(tmp_path, {"b/3.txt": "x"})  # appears after the run started, before it got there
    assert [os.path.basename(t.name) for t in tasks] == ["2.txt", "3.txt"]


def test_walk_reports_a_fifo_instead_of_blocking_on_it(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "x"})
    os.mkfifo(tmp_path / "pipe.txt")
    assert list(iter_walk(str(tmp_path), ["*.txt"])) == [
        (str(tmp_path / "a.txt"), None), (str(tmp_path / "pipe.txt"), NOT_REGULAR),
    ]


def test_walk_of_deep_directories_does_not_recurse(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(60):
        deep = deep / "d"
    write(deep, {"x.txt": "x"})
    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(50)
    try:
        found = list(iter_walk(str(tmp_path), ["*.txt"]))
    finally:
        sys.setrecursionlimit(limit)
    assert found == [(str(deep / "x.txt"), None)]


def test_unreadable_directory_is_a_failure_and_the_rest_is_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"a.txt": "x", "locked/b.txt": "x", "z.txt": "x"})
    real = os.scandir

    def scandir(path: str) -> object:
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr("cleaner.batch.os.scandir", scandir)
    found = [(os.path.basename(p), e) for p, e in iter_walk(str(tmp_path), ["*.txt"])]
    assert found == [("a.txt", None), ("locked", "Permission denied"), ("z.txt", None)]


def test_unreadable_file_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"a.txt": "A.\n", "b.txt": "B.\n"})
    real = open

    def guarded(path: object, *a: object, **k: object) -> object:
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *a, **k)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", guarded)
    report, out, err = run(plan([str(tmp_path)], fmt="jsonl"))
    assert report.failed == 1 and len(out.splitlines()) == 1 and "b.txt: Permission denied" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission_fails_alone(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "A.\n", "b.txt": "B.\n"})
    (tmp_path / "b.txt").chmod(0)
    report, out, _ = run(plan([str(tmp_path)], fmt="jsonl"))
    assert report.failed == 1 and len(out.splitlines()) == 1


def test_file_vanishing_mid_run_fails_alone(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "A.\n", "b.txt": "B.\n", "c.txt": "C.\n"})

    def vanishing() -> object:
        for task in plan([str(tmp_path)], output=str(tmp_path / "out")).tasks:
            if task.name.endswith("a.txt"):
                (tmp_path / "b.txt").unlink()
            yield task

    report, _, err = run(Plan(vanishing()), TEXT)  # type: ignore[arg-type]
    assert report.exit_code == 1 and report.failed == 1
    assert "b.txt: No such file or directory" in err
    assert sorted(tree(tmp_path / "out")) == ["a.txt", "c.txt"]


def test_symlink_loop_fails_alone(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "A.\n"})
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    report, out, err = run(plan([str(tmp_path)], fmt="jsonl"))
    assert report.failed == 1 and len(out.splitlines()) == 1 and "loop.txt: Too many levels" in err


def test_names_with_newlines_and_odd_unicode_are_cleaned_and_mirrored(tmp_path: Path) -> None:
    names = ["new\nline.txt", "rtl\u202eevil.txt", "e\u0301.txt", "tab\there.txt"]
    write(tmp_path / "in", {n: f"Body of {n!r}.\n" for n in names})
    report, _, _ = run(plan([str(tmp_path / "in")], output=str(tmp_path / "out")), TEXT)
    assert report.exit_code == 0 and sorted(tree(tmp_path / "out")) == sorted(names)


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    files = {"a.txt": "Home | News\nBody.\n", "s.jsonl": jsonl_lines({"id": "x", "text": "Body.\n"})}
    write(tmp_path / "in", files)
    stamps = {n: os.stat(tmp_path / "in" / n).st_mtime_ns for n in files}
    run(plan([str(tmp_path / "in")], output=str(tmp_path / "out"), globs=["*"]), TEXT)
    assert tree(tmp_path / "in") == {k: v.encode() for k, v in files.items()}
    assert {n: os.stat(tmp_path / "in" / n).st_mtime_ns for n in files} == stamps


def test_output_over_its_input_found_at_run_time_fails_not_overwrites(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "Body.\n"})
    task = Task("a.txt", path=str(tmp_path / "a.txt"), output=str(tmp_path / "." / "a.txt"))
    outcome = Cleaner(TEXT)(task)
    assert outcome.error is not None and "refusing to write over the input" in outcome.error
    assert (tmp_path / "a.txt").read_text() == "Body.\n"


def test_output_directory_equal_to_the_inputs_common_directory_is_refused(tmp_path: Path) -> None:
    write(tmp_path, {"x/a.txt": "x", "y/b.txt": "x"})
    with pytest.raises(PlanError, match="outputs would land on their inputs"):
        plan([str(tmp_path / "x"), str(tmp_path / "y")], output=str(tmp_path))


def test_shard_directory_inside_the_input_is_not_read(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "A.\n", "shards/part-00000.txt": "old"})
    p = plan([str(tmp_path)], fmt="jsonl", output=str(tmp_path / "shards"), shard_size=5)
    assert [os.path.basename(t.name) for t in p.tasks] == ["a.txt"]


def test_report_file_inside_the_input_is_not_read(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "A.\n", "report.txt": "old report"})
    p = plan([str(tmp_path)], fmt="jsonl", skip_files=[str(tmp_path / "report.txt")])
    assert [os.path.basename(t.name) for t in p.tasks] == ["a.txt"]


# --- shards and resume --------------------------------------------------------------------


def shard_plan(inputs: list[Path], out: Path, size: int, resume: bool = False) -> Plan:
    return plan([str(i) for i in inputs], fmt="jsonl", output=str(out), shard_size=size, resume=resume)


def numbered(root: Path, n: int) -> Path:
    return write(root, {f"p{i:03d}.txt": f"Page {i} body.\n" for i in range(n)})


def test_shards_hold_shard_size_inputs_each_in_order(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 7)
    report, out, _ = run(shard_plan([tmp_path / "in"], tmp_path / "out", 3))
    assert out == b"" and report.exit_code == 0
    shards = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert shards == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    texts = [json.loads(x)["text"] for s in shards for x in (tmp_path / "out" / s).read_text().splitlines()]
    assert texts == [f"Page {i} body." for i in range(7)]


def test_shard_size_needs_jsonl_and_a_directory(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 2)
    with pytest.raises(PlanError, match="--format jsonl"):
        plan([str(tmp_path / "in")], fmt="text", output=str(tmp_path / "out"), shard_size=2)
    with pytest.raises(PlanError, match="needs -o DIR"):
        plan([str(tmp_path / "in")], fmt="jsonl", shard_size=2)


def test_shards_of_an_earlier_run_need_resume(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 3)
    run(shard_plan([tmp_path / "in"], tmp_path / "out", 2))
    with pytest.raises(PlanError, match="add --resume"):
        shard_plan([tmp_path / "in"], tmp_path / "out", 2)


def test_foreign_shards_in_the_directory_are_refused(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 1)
    write(tmp_path, {"out/part-00000.jsonl": "{}\n"})
    with pytest.raises(PlanError, match="not made by a run"):
        shard_plan([tmp_path / "in"], tmp_path / "out", 2, resume=True)


def interrupt_after(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the next run stop with Ctrl-C after ``n`` outcomes."""
    real = run_tasks

    def stopping(*a: object, **k: object) -> object:
        for count, outcome in enumerate(real(*a, **k), 1):  # type: ignore[arg-type]
            yield outcome
            if count == n:
                raise KeyboardInterrupt

    monkeypatch.setattr("cleaner.batch.run_tasks", stopping)


def test_interrupted_shard_run_keeps_full_shards_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbered(tmp_path / "in", 10)
    interrupt_after(5, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        run(shard_plan([tmp_path / "in"], tmp_path / "out", 2))
    assert sorted(tree(tmp_path / "out")) == [PROGRESS_NAME, "part-00000.jsonl", "part-00001.jsonl"]


def test_resumed_shard_run_skips_done_inputs_and_matches_an_uninterrupted_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbered(tmp_path / "in", 10)
    run(shard_plan([tmp_path / "in"], tmp_path / "whole", 3))
    interrupt_after(7, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        run(shard_plan([tmp_path / "in"], tmp_path / "out", 3))
    monkeypatch.setattr("cleaner.batch.run_tasks", run_tasks)
    report, _, err = run(shard_plan([tmp_path / "in"], tmp_path / "out", 3, resume=True))
    assert report.skipped == 6 and report.files == 10 and report.exit_code == 0
    assert "6 done before" in err
    assert tree(tmp_path / "out") == tree(tmp_path / "whole")


def test_resume_drops_a_half_written_progress_line(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 4)
    run(shard_plan([tmp_path / "in"], tmp_path / "whole", 2))
    run(shard_plan([tmp_path / "in"], tmp_path / "out", 2))
    progress = tmp_path / "out" / PROGRESS_NAME
    lines = progress.read_bytes().splitlines(keepends=True)
    progress.write_bytes(lines[0] + lines[1][:20])  # killed while appending the second line
    report, _, _ = run(shard_plan([tmp_path / "in"], tmp_path / "out", 2, resume=True))
    assert report.skipped == 2 and tree(tmp_path / "out") == tree(tmp_path / "whole")


def test_resume_with_changed_inputs_is_refused(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 4)
    run(shard_plan([tmp_path / "in"], tmp_path / "out", 2))
    (tmp_path / "in" / "p002.txt").rename(tmp_path / "in" / "p002-renamed.txt")
    with pytest.raises(PlanError, match="not those of the interrupted run"):
        run(shard_plan([tmp_path / "in"], tmp_path / "out", 2, resume=True))


def test_run_stopped_by_an_error_says_so_in_summary_and_report(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 4)
    run(shard_plan([tmp_path / "in"], tmp_path / "out", 2))
    (tmp_path / "in" / "p002.txt").rename(tmp_path / "in" / "p002-renamed.txt")
    err = io.StringIO()
    with pytest.raises(PlanError):
        execute(shard_plan([tmp_path / "in"], tmp_path / "out", 2, resume=True), JSONL, jobs=1,
                stdout=io.BytesIO(), stderr=err, report_to=str(tmp_path / "r.json"))
    assert "(stopped: " in err.getvalue().splitlines()[-1]
    summary = json.loads((tmp_path / "r.json").read_text())["summary"]
    assert summary["stopped"] and summary["exit_code"] == 1 and summary["interrupted"] is False


def test_resume_with_another_shard_size_is_refused(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 4)
    run(shard_plan([tmp_path / "in"], tmp_path / "out", 2))
    with pytest.raises(PlanError, match="--shard-size 2"):
        run(shard_plan([tmp_path / "in"], tmp_path / "out", 3, resume=True))


def test_resumed_run_still_reports_earlier_failures(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": "A.\n", "b.txt": b"\x00\x01"})
    first, _, _ = run(shard_plan([tmp_path / "in"], tmp_path / "out", 5))
    again, _, err = run(shard_plan([tmp_path / "in"], tmp_path / "out", 5, resume=True))
    assert first.exit_code == again.exit_code == 1
    assert "b.txt: failed in an earlier run: not a text dump" in err


def test_resumed_tree_run_skips_existing_outputs_and_retries_failures(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 3)
    run(plan([str(tmp_path / "in")], output=str(tmp_path / "out")), TEXT)
    (tmp_path / "out" / "p001.txt").unlink()
    report, _, _ = run(plan([str(tmp_path / "in")], output=str(tmp_path / "out"), resume=True), TEXT)
    assert (report.skipped, report.files, report.exit_code) == (2, 3, 0)
    assert (tmp_path / "out" / "p001.txt").read_text() == "Page 1 body.\n"


def test_resumed_tree_run_cleans_inputs_changed_since(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 2)
    run(plan([str(tmp_path / "in")], output=str(tmp_path / "out")), TEXT)
    later = time.time() + 5
    (tmp_path / "in" / "p000.txt").write_text("Changed body.\n")
    os.utime(tmp_path / "in" / "p000.txt", (later, later))
    report, _, _ = run(plan([str(tmp_path / "in")], output=str(tmp_path / "out"), resume=True), TEXT)
    assert report.skipped == 1 and (tmp_path / "out" / "p000.txt").read_text() == "Changed body.\n"


def test_resumed_container_run_skips_records_already_written(tmp_path: Path) -> None:
    write(tmp_path, {"in/s.jsonl": jsonl_lines(*({"id": f"r{i}", "text": f"R{i}.\n"} for i in range(4)))})
    run(plan([str(tmp_path / "in/s.jsonl")], output=str(tmp_path / "out")), TEXT)
    (tmp_path / "out/s/r2.txt").unlink()
    report, _, _ = run(plan([str(tmp_path / "in/s.jsonl")], output=str(tmp_path / "out"), resume=True), TEXT)
    assert (report.skipped, report.files) == (3, 4) and (tmp_path / "out/s/r2.txt").read_text() == "R2.\n"


def test_resume_of_a_single_stream_is_refused(tmp_path: Path) -> None:
    numbered(tmp_path / "in", 2)
    with pytest.raises(PlanError, match="--resume needs -o DIR"):
        plan([str(tmp_path / "in")], fmt="jsonl", output=str(tmp_path / "all.jsonl"), resume=True)


# --- the report file -----------------------------------------------------------------------


def test_report_file_lists_every_input_with_status_timing_and_removed_share(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": "A body.\n", "b.txt": "BOOM\n"})
    report, _, _ = run(plan([str(tmp_path / "in")], fmt="jsonl"), report_to=str(tmp_path / "r.json"))
    data = json.loads((tmp_path / "r.json").read_text())
    entries = {os.path.basename(e["input"]): e for e in data["inputs"]}
    assert entries["a.txt"]["status"] == "ok" and entries["a.txt"]["seconds"] >= 0
    assert entries["a.txt"]["removed_share"] == 0.0 and entries["a.txt"]["bytes_in"] == 8
    assert entries["b.txt"] == {"input": str(tmp_path / "in/b.txt"), "status": "failed",
                                "error": "internal error: ValueError: boom"}
    assert data["summary"]["inputs"] == 2 and data["summary"]["failed"] == 1
    assert data["summary"]["exit_code"] == report.exit_code == 1


def test_report_file_is_written_when_the_run_is_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbered(tmp_path / "in", 5)
    interrupt_after(2, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        run(plan([str(tmp_path / "in")], fmt="jsonl"), report_to=str(tmp_path / "r.json"))
    data = json.loads((tmp_path / "r.json").read_text())
    assert len(data["inputs"]) == 2 and data["summary"]["interrupted"] is True
    assert data["summary"]["exit_code"] == 130


def test_interrupted_run_summary_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    numbered(tmp_path / "in", 5)
    interrupt_after(2, monkeypatch)
    err = io.StringIO()
    with pytest.raises(KeyboardInterrupt):
        execute(plan([str(tmp_path / "in")], fmt="jsonl"), JSONL, jobs=1, stdout=io.BytesIO(), stderr=err)
    assert err.getvalue().endswith("(interrupted)\n") and "2 files, 0 failed" in err.getvalue()


# --- the time limit ----------------------------------------------------------------------------


def test_document_over_the_time_limit_fails_and_the_run_goes_on() -> None:
    settings = Settings(stages=("normalize", "test-hang"), fmt="jsonl", timeout=0.2)
    tasks = [Task("ok1", data=b"A.\n"), Task("stuck", data=b"HANG\n"), Task("ok2", data=b"B.\n")]
    outcomes = list(run_tasks(tasks, settings, jobs=1))
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error == "took longer than 0.2 s to clean (--timeout); skipped"


def test_time_limit_works_in_worker_processes() -> None:
    settings = Settings(stages=("normalize", "test-hang"), fmt="jsonl", timeout=0.2)
    tasks = [Task(f"t{i}", data=b"HANG\n" if i == 3 else b"Body.\n") for i in range(8)]
    outcomes = list(run_tasks(tasks, settings, jobs=2, chunk_size=2))
    assert [o.name for o in outcomes if not o.ok] == ["t3"]
    assert outcomes[3].error is not None and outcomes[3].error.startswith("took longer than 0.2 s")


def test_worker_stuck_past_its_alarm_is_killed_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cleaner.batch.HARD_LIMIT_GRACE", 1.5)
    settings = Settings(stages=("normalize", "test-stubborn"), fmt="jsonl", timeout=0.1)
    tasks = [Task(f"t{i}", data=b"STUCK\n" if i == 2 else b"Body.\n") for i in range(6)]
    outcomes = list(run_tasks(tasks, settings, jobs=2, chunk_size=1))
    assert [o.name for o in outcomes] == [f"t{i}" for i in range(6)]
    assert [o.name for o in outcomes if not o.ok] == ["t2"]
    assert outcomes[2].error == "took longer than 0.1 s to clean (--timeout); skipped"


def test_time_limit_is_not_swallowed_by_a_broad_except() -> None:
    settings = Settings(stages=("normalize", "test-swallow"), fmt="jsonl", timeout=0.2)
    outcome = Cleaner(settings)(Task("stuck", data=b"HANG\n"))
    assert outcome.error is not None and "--timeout" in outcome.error


def test_time_limit_leaves_no_alarm_behind() -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    Cleaner(Settings(stages=("normalize",), timeout=5))(Task("t", data=b"x\n"))
    assert signal.getsignal(signal.SIGALRM) == before and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outcome_measures_its_time() -> None:
    outcome = Cleaner(Settings(stages=("normalize",)))(Task("t", data=b"x\n"))
    assert outcome.seconds > 0
