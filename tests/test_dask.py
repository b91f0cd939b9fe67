"""The Dask engine: same outputs as the local engine, byte for byte, on a LocalCluster of several workers."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner.batch import Settings
from cleaner.cli import main
from cleaner.errors import CleanerError
from tests.templates_corpus import courier_page, write_site

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local cluster of two worker processes; yields its scheduler address."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local.scheduler_address


@pytest.fixture
def client(cluster: str) -> Iterator[object]:
    with distributed.Client(cluster) as c:
        yield c


def corpus(root: Path) -> Path:
    """Two sites of text dumps, one HTML page and one unreadable input, in nested folders."""
    write_site(root, "courier", 5)
    write_site(root / "more", "gazette", 4, first=11)
    (root / "more" / "page.html").write_text(
        "<html><head><title>A page</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Heading of the page</h1><p>" + "A sentence of the article body. " * 12 +
        "</p></article></body></html>",
        encoding="utf-8",
    )
    (root / "more" / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    return root


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["-q", *args], catch_exceptions=False)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_dask_engine_writes_the_same_files_as_the_local_engine(tmp_path: Path, cluster: str) -> None:
    inputs = corpus(tmp_path / "in")
    local = run(str(inputs), "-o", str(tmp_path / "local"), "-j", "1")
    dask = run(str(inputs), "-o", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", cluster)
    assert dask.exit_code == local.exit_code == 1  # the binary input fails in both
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert len(tree(tmp_path / "local")) == 10


def test_dask_engine_names_the_same_failures(tmp_path: Path, cluster: str) -> None:
    inputs = corpus(tmp_path / "in")
    local = run(str(inputs), "-o", str(tmp_path / "local"), "-j", "1")
    dask = run(str(inputs), "-o", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", cluster)
    assert "binary.txt" in dask.stderr
    out_dask, out_local = str(tmp_path / "dask"), str(tmp_path / "local")
    assert dask.stderr.replace(out_dask, "OUT") == local.stderr.replace(out_local, "OUT")


def test_dask_engine_jsonl_stream_is_the_same(tmp_path: Path, cluster: str) -> None:
    inputs = corpus(tmp_path / "in")
    local = run(str(inputs), "-f", "jsonl", "-j", "1")
    dask = run(str(inputs), "-f", "jsonl", "--engine", "dask", "--scheduler", cluster)
    assert dask.stdout_bytes == local.stdout_bytes
    assert dask.stdout_bytes.count(b"\n") == 10


def test_dask_engine_expands_a_quoted_glob(tmp_path: Path, cluster: str) -> None:
    inputs = corpus(tmp_path / "in")
    local = run(*map(str, sorted((inputs / "courier").glob("*.txt"))), "-f", "jsonl", "-j", "1")
    dask = run(str(inputs / "courier" / "*.txt"), "-f", "jsonl", "--engine", "dask", "--scheduler", cluster)
    assert dask.exit_code == 0
    assert dask.stdout_bytes == local.stdout_bytes


def test_dask_engine_learns_the_same_templates(tmp_path: Path, cluster: str) -> None:
    inputs = corpus(tmp_path / "in")
    run(str(inputs), "-o", str(tmp_path / "local"), "-j", "1", "--learn-templates", str(tmp_path / "l.json"))
    run(str(inputs), "-o", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", cluster,
        "--learn-templates", str(tmp_path / "d.json"))
    assert (tmp_path / "d.json").read_bytes() == (tmp_path / "l.json").read_bytes()
    assert b"courier" in (tmp_path / "l.json").read_bytes()
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_clean_bag_gives_outcomes_in_input_order(tmp_path: Path, client: object) -> None:
    from cleaner.distributed import clean_bag

    paths = [str(p) for p in write_site(tmp_path, "courier", 6)]
    outcomes = clean_bag(dask_bag.from_sequence(paths, npartitions=3), Settings()).compute()
    assert [o.name for o in outcomes] == paths
    assert all(o.ok and "before the end of the season." in (o.rendered or "") for o in outcomes)


def test_clean_paths_matches_the_library_on_one_page(tmp_path: Path, client: object) -> None:
    from cleaner import clean
    from cleaner.distributed import clean_paths

    path = tmp_path / "page.txt"
    path.write_text(courier_page(3), encoding="utf-8")
    (outcome,) = clean_paths([str(path)])
    assert outcome.rendered == clean(courier_page(3)).text + "\n"


def test_learn_bag_equals_learning_here(tmp_path: Path, client: object) -> None:
    from cleaner import Pipeline
    from cleaner.distributed import learn_bag
    from cleaner.readers import read_text
    from cleaner.templates import learn, prefix

    paths = write_site(tmp_path, "a", 4) + write_site(tmp_path, "b", 3, first=8)
    docs = [read_text(p.read_bytes(), source=str(p)) for p in paths]
    here = learn(docs, prepare=prefix(Pipeline.build()))
    there = learn_bag(dask_bag.from_sequence([str(p) for p in paths], npartitions=3))
    assert there == here and len(here) > 0


def test_missing_dask_is_one_line_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import distributed as engine

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(CleanerError, match=r"pip install 'clean-article\[dask\]'"):
        engine.DaskEngine().client()


def test_dask_engine_starts_a_local_cluster_without_a_scheduler(tmp_path: Path) -> None:
    paths = write_site(tmp_path / "in", "courier", 3)
    local = run(*map(str, paths), "-f", "jsonl", "-j", "1")
    dask = run(*map(str, paths), "-f", "jsonl", "--engine", "dask", "-j", "2")
    assert dask.exit_code == 0
    assert dask.stdout_bytes == local.stdout_bytes


def test_dask_engine_reads_fsspec_urls(tmp_path: Path, cluster: str) -> None:
    inputs = tmp_path / "in"
    write_site(inputs, "courier", 3)
    write_site(inputs, "gazette", 3, first=5)
    local = run(str(inputs), "-o", str(tmp_path / "local"), "-j", "1")
    url = inputs.as_uri() + "/"
    dask = run(url, "-o", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", cluster)
    assert dask.exit_code == local.exit_code == 0
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
