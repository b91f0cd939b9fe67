"""The crawl-scale options on the command line: containers, shards, --resume, --report, --timeout,
and real runs killed (SIGKILL) or interrupted (SIGINT) in the middle."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.batch import PROGRESS_NAME
from cleaner.cli import main

from .conftest import hide_warcio, jsonl_lines, write

SCRIPT = Path(sys.executable).parent / "clean-article"
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="clean-article is not installed next to python")


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--stages", "normalize", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr




def files_under(root: Path) -> list[str]:
    return sorted(os.path.relpath(os.path.join(d, n), root) for d, _, ns in os.walk(root) for n in ns)


# --- containers -------------------------------------------------------------------------


def test_jsonl_shard_to_jsonl_stream_keeps_every_other_field(tmp_path: Path) -> None:
    write(tmp_path, {"s.jsonl": jsonl_lines({"id": "d1", "lang": "fr", "text": "Corps.\n"})})
    code, out, _ = invoke(str(tmp_path / "s.jsonl"), "--format", "jsonl")
    record = json.loads(out)
    assert code == 0 and (record["id"], record["lang"], record["text"]) == ("d1", "fr", "Corps.")


def test_jsonl_field_id_field_and_url_field_options(tmp_path: Path) -> None:
    write(tmp_path, {"s.jsonl": jsonl_lines({"key": "k9", "link": "https://x.example/", "body": "Text.\n"})})
    code, _, _ = invoke(str(tmp_path / "s.jsonl"), "--jsonl-field", "body", "--id-field", "key",
                        "--url-field", "link", "-o", str(tmp_path / "out"))
    assert code == 0 and (tmp_path / "out/s/k9.txt").read_text() == "Text.\n"


def test_stdin_as_jsonl_with_input_format() -> None:
    code, out, _ = invoke("--input-format", "jsonl", "--format", "jsonl", "-",
                          stdin=jsonl_lines({"text": "One.\n"}, {"text": "Two.\n"}).encode())
    assert code == 0 and [json.loads(x)["text"] for x in out.splitlines()] == ["One.", "Two."]


def test_warc_file_records_become_jsonl_with_url(tmp_path: Path) -> None:
    warcio = pytest.importorskip("warcio")
    import io

    from warcio.statusandheaders import StatusAndHeaders

    with open(tmp_path / "c.warc.gz", "wb") as handle:
        writer = warcio.warcwriter.WARCWriter(handle, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = io.BytesIO(b"<html><body><p>Floods closed the bridge.</p></body></html>")
        writer.write_record(writer.create_warc_record("https://x.example/f", "response", payload=page,
                                                      http_headers=http))
    code, out, _ = invoke(str(tmp_path / "c.warc.gz"), "-f", "jsonl")
    record = json.loads(out)
    assert code == 0 and record["url"] == "https://x.example/f" and "bridge" in record["text"]


def test_missing_warc_extra_is_one_line_and_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"c.warc": b"WARC/1.0\r\n"})
    hide_warcio(monkeypatch)
    code, _, err = invoke(str(tmp_path / "c.warc"), "-f", "jsonl")
    assert code == 1 and err.count("\n") == 1
    assert err == (
        "clean-article: reading WARC/WET files needs the warcio package: pip install 'clean-article[warc]'\n"
    )


# --- shards, resume, report, timeout options ------------------------------------------------------


def test_shard_size_implies_jsonl_and_writes_shards(tmp_path: Path) -> None:
    write(tmp_path, {f"in/p{i}.txt": f"Body {i}.\n" for i in range(5)})
    code, out, _ = invoke(str(tmp_path / "in"), "--shard-size", "2", "-o", str(tmp_path / "out"))
    assert code == 0 and out == ""
    assert files_under(tmp_path / "out") == [PROGRESS_NAME, "part-00000.jsonl", "part-00001.jsonl",
                                             "part-00002.jsonl"]


def test_shard_size_with_text_format_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, {"in/a.txt": "A.\n"})
    code, _, err = invoke(str(tmp_path / "in"), "--shard-size", "2", "-f", "text", "-o", str(tmp_path / "o"))
    assert code == 2 and "--format jsonl" in err


def test_shards_of_an_earlier_run_without_resume_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, {"in/a.txt": "A.\n"})
    args = [str(tmp_path / "in"), "--shard-size", "2", "-o", str(tmp_path / "out")]
    assert invoke(*args)[0] == 0
    code, _, err = invoke(*args)
    assert code == 2 and "add --resume" in err
    assert invoke(*args, "--resume")[0] == 0


def test_resume_without_an_output_directory_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, {"in/a.txt": "A.\n", "in/b.txt": "B.\n"})
    code, _, err = invoke(str(tmp_path / "in"), "-f", "jsonl", "--resume")
    assert code == 2 and "--resume needs -o DIR" in err


def test_report_option_writes_the_json_report_and_it_is_not_read_back(tmp_path: Path) -> None:
    write(tmp_path, {"in/a.txt": "A.\n", "in/b.txt": b"\x00"})
    code, _, _ = invoke(str(tmp_path / "in"), "-f", "jsonl", "--report", str(tmp_path / "in/run.txt"))
    data = json.loads((tmp_path / "in/run.txt").read_text())
    assert code == 1 and [e["status"] for e in data["inputs"]] == ["ok", "failed"]
    assert data["summary"]["exit_code"] == 1


def test_timeout_must_not_be_negative() -> None:
    code, _, err = invoke("--timeout", "-1", "-")
    assert code == 2 and "--timeout" in err


def test_exit_code_and_summary_tell_the_truth(tmp_path: Path) -> None:
    write(tmp_path, {"in/a.txt": "A.\n", "in/b.txt": b"\x00\x01", "in/c.txt": "C.\n"})
    code, _, err = invoke(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1 and err.splitlines()[-1].startswith("clean-article: 3 files, 1 failed,")
    assert files_under(tmp_path / "out") == ["a.txt", "c.txt"]
    code, _, err = invoke(str(tmp_path / "in/a.txt"), str(tmp_path / "in/c.txt"), "-o", str(tmp_path / "o2"))
    assert code == 0 and err.startswith("clean-article: 2 files, 0 failed,")


# --- real runs, killed -----------------------------------------------------------------------------

PAGE_LINES = 60


def many_pages(root: Path, n: int) -> Path:
    words = ["river", "council", "budget", "school", "bridge", "market", "harbour", "station", "library"]
    for i in range(n):
        lines = ["Home | News | Sport", f"Headline {i}"]
        lines += [f"{words[(i + j) % 9].title()} line {j} of page {i} says {words[j % 9]} news again."
                  for j in range(PAGE_LINES)]
        write(root, {f"p{i:04d}.txt": "\n".join(lines) + "\n"})
    return root


def _default_sigint() -> None:
    # A shell starts a background job ('pytest &') with SIGINT ignored, and a child inherits that:
    # the command would never see the Ctrl-C these tests send.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPROFILEIMPORTTIME"}
    return subprocess.Popen([str(SCRIPT), *args], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_default_sigint)


def wait_for(condition: object, proc: subprocess.Popen[str], limit: float = 60) -> None:
    end = time.monotonic() + limit
    while not condition():  # type: ignore[operator]
        if proc.poll() is not None:
            why = proc.stderr.read() if proc.stderr else ""
            pytest.fail(f"run ended before it could be interrupted: {why}")
        if time.monotonic() > end:
            proc.kill()
            pytest.fail("run made no progress")
        time.sleep(0.01)


def workers_left(marker: str) -> list[int]:
    """Processes whose command line mentions ``marker`` (a run's own temporary directory)."""
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if marker in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(pid))
            except OSError:
                pass
    return found


@needs_script
def test_sigkilled_shard_run_leaves_only_whole_shards_and_resumes_to_every_input_once(tmp_path: Path) -> None:
    many_pages(tmp_path / "in", 50)
    out = tmp_path / "out"
    args = ["in", "--shard-size", "5", "-o", "out", "-j", "2", "-q"]
    proc = start(args, tmp_path)
    progress = out / PROGRESS_NAME
    wait_for(lambda: progress.exists() and progress.read_bytes().count(b"\n") >= 2, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    shards = [n for n in files_under(out) if n != PROGRESS_NAME]
    assert all(n.startswith("part-") and n.endswith(".jsonl") for n in shards)  # no temporary files
    for name in shards:  # every shard on disk is whole
        assert len((out / name).read_text().splitlines()) == 5
    time.sleep(2.5)  # the orphan check runs every second
    assert workers_left(str(tmp_path)) == []

    resumed = subprocess.run([str(SCRIPT), *args, "--resume"], cwd=tmp_path, capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    sources = [json.loads(line)["source"] for n in sorted(files_under(out)) if n.startswith("part-")
               for line in (out / n).read_text().splitlines()]
    assert sources == [f"in/p{i:04d}.txt" for i in range(50)]


@needs_script
def test_sigkilled_tree_run_leaves_no_partial_file_and_resume_completes_it(tmp_path: Path) -> None:
    many_pages(tmp_path / "in", 30)
    args = ["in", "-o", "out", "-j", "1", "-q"]
    proc = start(args, tmp_path)
    wait_for(lambda: (tmp_path / "out").exists() and len(os.listdir(tmp_path / "out")) >= 3, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    after_kill = {n: (tmp_path / "out" / n).read_bytes() for n in files_under(tmp_path / "out")}
    assert all(n.startswith("p") and n.endswith(".txt") for n in after_kill)  # no temporary files

    resumed = subprocess.run([str(SCRIPT), *args, "--resume", "--report", "run.json"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads((tmp_path / "run.json").read_text())["summary"]
    assert (summary["skipped"], summary["cleaned"]) == (len(after_kill), 30 - len(after_kill))
    fresh = subprocess.run([str(SCRIPT), "in", "-o", "fresh", "-q"], cwd=tmp_path, timeout=300)
    assert fresh.returncode == 0
    final = {n: (tmp_path / "out" / n).read_bytes() for n in files_under(tmp_path / "out")}
    assert final == {n: (tmp_path / "fresh" / n).read_bytes() for n in files_under(tmp_path / "fresh")}
    assert all(final[n] == content for n, content in after_kill.items())  # what the kill left was whole


@needs_script
def test_sigint_stops_with_130_keeps_no_stream_file_and_writes_the_report(tmp_path: Path) -> None:
    many_pages(tmp_path / "in", 120)
    write(tmp_path / "in", {"p0000.txt": b"\x00binary"})  # its failure line shows the run has started
    proc = start(["in", "-f", "jsonl", "-o", "all.jsonl", "--report", "run.json", "-j", "1"], tmp_path)
    assert proc.stderr is not None
    first = proc.stderr.readline()
    assert "p0000.txt: not a text dump" in first
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err.splitlines()[-1] == "clean-article: interrupted"
    assert "(interrupted)" in err
    assert sorted(os.listdir(tmp_path)) == ["in", "run.json"]
    summary = json.loads((tmp_path / "run.json").read_text())["summary"]
    assert summary["interrupted"] is True and summary["exit_code"] == 130
