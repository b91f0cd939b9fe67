"""The run's records (settings, tasks, outcomes, plans) behave as the NamedTuples they replace."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest

from cleaner.batch import Outcome, Plan, Settings, Sources, Task
from cleaner.cli import BatchFlags, ScaleFlags
from cleaner.patterns import Entries, Hit


def test_replace_changes_only_the_named_fields() -> None:
    outcome = Outcome("a.txt", bytes_in=10)
    later = outcome._replace(seconds=1.5, error="bad")
    assert (later.name, later.bytes_in, later.seconds, later.error) == ("a.txt", 10, 1.5, "bad")
    assert outcome.seconds == 0.0 and outcome.error is None


def test_replace_refuses_an_unknown_field() -> None:
    with pytest.raises(ValueError, match="colour"):
        Task("a.txt")._replace(colour="red")


def test_records_cannot_be_assigned_to() -> None:
    with pytest.raises(FrozenInstanceError):
        Settings().fmt = "json"  # type: ignore[misc]


def test_settings_left_at_their_defaults_compare_equal() -> None:
    assert Settings() == Settings()
    assert Settings(fmt="json") != Settings()
    assert BatchFlags() == BatchFlags(Sources())


@pytest.mark.parametrize(
    "record",
    [
        Settings(stages=("normalize",), skip=("dedupe",), fmt="jsonl", timeout=None),
        Task("a.txt", data=b"x\n", fields={"id": 1}, url="https://example.org/a"),
        Outcome("a.txt", rendered="Body\n", bytes_in=3, bytes_out=5, seconds=0.25),
        Sources("jsonl", "html", "key", "link"),
        Plan([Task("a.txt")], single=True),
        ScaleFlags(engine="dask", scheduler="tcp://host:8786"),
        Entries(("sign in",), (), ("all rights reserved",), (), (("sign up", "newsletter"),)),
        Hit("navigation", "whole"),
    ],
    ids=lambda record: type(record).__name__,
)
def test_records_survive_pickling_to_a_worker(record: object) -> None:
    assert pickle.loads(pickle.dumps(record)) == record


def test_repr_names_every_field() -> None:
    assert repr(Hit("share", "prefix")) == "Hit(concept='share', kind='prefix')"
