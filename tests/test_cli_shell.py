"""The installed clean-article command in a real shell: pipes, redirections, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import DEFAULT, Pipeline, all_stages

SCRIPT = Path(sys.executable).parent / "clean-article"

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="clean-article is not installed next to python")

PAGE = "Home News Sport\n\nThe first paragraph of the story.\r\nIts second line.\n\n\u00a0\n\nAnother one.\n"
BODY = "Home News Sport\n\nThe first paragraph of the story.\nIts second line.\n\nAnother one.\n"


def sh(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CA": str(SCRIPT)}
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_cat_into_dash_prints_clean_text(page: Path) -> None:
    result = sh('cat page.txt | "$CA" --stages normalize -', page.parent)
    assert (result.returncode, result.stdout, result.stderr) == (0, BODY, "")


def test_redirected_stdin_without_input_argument(page: Path) -> None:
    assert sh('"$CA" --stages normalize < page.txt', page.parent).stdout == BODY


def test_input_html_in_a_pipe_reads_a_page_saved_below_a_line_of_text(tmp_path: Path) -> None:
    (tmp_path / "saved.txt").write_text(
        "Saved from https://example.org/river\n<html><body><p>The river rose by two metres overnight.</p>"
        "<p>The bridge stays closed until Monday.</p></body></html>\n",
        encoding="utf-8",
    )
    result = sh('cat saved.txt | "$CA" --input html --stages normalize,structure -', tmp_path)
    assert result.returncode == 0, result.stderr
    assert "The river rose by two metres overnight." in result.stdout and "<p>" not in result.stdout


def test_json_output_pipes_into_a_json_reader(page: Path) -> None:
    reader = "import json, sys; print(json.load(sys.stdin)['text'])"
    cmd = f'cat page.txt | "$CA" --stages normalize -f json | "{sys.executable}" -c "{reader}"'
    assert sh(cmd, page.parent).stdout == BODY.rstrip("\n") + "\n"


def test_explain_piped_is_plain_on_stderr_and_stdout_stays_data(page: Path) -> None:
    result = sh('"$CA" --stages normalize --explain page.txt 2>why.txt >out.txt', page.parent)
    why = (page.parent / "why.txt").read_text()
    assert result.returncode == 0 and (page.parent / "out.txt").read_text() == BODY
    assert why.startswith("  Home News Sport\n\n  The first paragraph") and "\x1b[" not in why


def test_binary_file_refused_with_exit_1(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    result = sh('"$CA" --stages normalize blob.txt; echo "rc=$?"', tmp_path)
    assert result.stdout == "rc=1\n"
    assert result.stderr == "clean-article: blob.txt: not a text dump (contains NUL bytes)\n"


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = sh('"$CA" --format xml < /dev/null', tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def make_dir(tmp_path: Path, n: int) -> Path:
    src = tmp_path / "in"
    for i in range(n):
        (src / f"g{i % 3}").mkdir(parents=True, exist_ok=True)
        (src / f"g{i % 3}" / f"p{i:03}.txt").write_text(f"Paragraph {i}.\n\nMore of {i}.\n")
    return src


def test_directory_with_worker_processes_mirrors_every_file(tmp_path: Path) -> None:
    make_dir(tmp_path, 30)
    result = sh('"$CA" --stages normalize in -o out -j 2', tmp_path)
    assert result.returncode == 0 and result.stdout == ""
    def files(root: Path) -> list[str]:
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())

    assert files(tmp_path / "out") == files(tmp_path / "in")
    assert (tmp_path / "out/g1/p004.txt").read_text() == "Paragraph 4.\n\nMore of 4.\n"
    assert result.stderr.startswith("clean-article: 30 files, 0 failed")


def test_jsonl_from_worker_processes_is_in_path_order(tmp_path: Path) -> None:
    make_dir(tmp_path, 40)
    result = sh('"$CA" --stages normalize in -f jsonl -j 2 -q', tmp_path)
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == sorted(sources, key=lambda s: s.split("/")) and len(sources) == 40


def test_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    make_dir(tmp_path, 200)
    result = sh('"$CA" --stages normalize in -f jsonl -j 2 -q | head -n 1', tmp_path)
    assert len(result.stdout.splitlines()) == 1 and "Traceback" not in result.stderr


def buildable(name: str) -> bool:
    try:
        Pipeline.build([name])
    except Exception:  # noqa: BLE001 - a stage still being written
        return False
    return True


def test_single_text_run_imports_neither_rich_nor_bs4(page: Path) -> None:
    stages = ",".join(n for n in DEFAULT if n in all_stages() and buildable(n))
    result = sh(f'PYTHONPROFILEIMPORTTIME=1 "$CA" --stages {stages} page.txt', page.parent)
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "rich" not in imported and "bs4" not in imported


def test_text_output_of_a_text_run_does_not_import_json(page: Path) -> None:
    result = sh('PYTHONPROFILEIMPORTTIME=1 "$CA" page.txt', page.parent)
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "cleaner.batch" in imported and "json" not in imported
