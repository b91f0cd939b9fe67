"""A short run of the fuzz target (fuzz/fuzz_clean.py) in CI: its seeds, its regressions, random bytes.

The long run uses atheris (see fuzz/README.md); this one uses hypothesis, so CI needs no fuzzer.
Every crash a long run finds is saved in fuzz/regressions/ and replayed here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"


def _target() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_clean", FUZZ / "fuzz_clean.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TARGET = _target()
SEEDS = sorted((FUZZ / "corpus").iterdir())
REGRESSIONS = sorted((FUZZ / "regressions").iterdir())


def test_there_are_seeds_and_regressions() -> None:
    assert SEEDS and REGRESSIONS


@pytest.mark.parametrize("path", SEEDS + REGRESSIONS, ids=lambda p: p.name)
def test_saved_input_goes_through_the_target(path: Path) -> None:
    TARGET.check(path.read_bytes())


@st.composite
def mutated_seed(draw: st.DrawFn) -> bytes:
    """A seed with random bytes overwritten, inserted or cut (what a fuzzer does, briefly)."""
    data = bytearray(draw(st.sampled_from(SEEDS)).read_bytes())
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["set", "insert", "cut"]))
        chunk = draw(st.binary(min_size=1, max_size=8))
        if op == "set":
            data[at : at + len(chunk)] = chunk
        elif op == "insert":
            data[at:at] = chunk
        else:
            del data[at : at + len(chunk)]
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300), mutated_seed()))
def test_a_few_hundred_fuzz_inputs_raise_nothing_but_a_cleaner_error(data: bytes) -> None:
    TARGET.check(data)
