"""The references stage: a page's list of cited sources and notes goes, a lone citation stays."""

from __future__ import annotations

import pytest

from cleaner.stages.references import is_reference

from .conftest import kept, removed, run_stages

BODY = "The lighthouse was built in 1872 and guided ships past the reef for a century."

REFERENCES = [
    '^ "North Coast Lights". Sea Museum. Archived from the original on 2011-03-02. Retrieved 2015-06-12.',
    '^ a b Harper, Ann (2004). "Keepers of the light". Coastal Review. Retrieved 3 May 2016.',
    "^ The lamp was replaced by an electric one in 1931.",
    '"Reef charts, 1870-1900". National Archive. Retrieved October 10, 2012.',
]


def test_a_reference_list_is_removed() -> None:
    gone = removed(run_stages([BODY, "References", *REFERENCES], "references"), "references")
    assert gone == REFERENCES


def test_the_text_above_a_reference_list_is_kept() -> None:
    assert kept(run_stages([BODY, "References", *REFERENCES], "references")) == [BODY, "References"]


def test_a_single_cited_source_is_kept() -> None:
    lines = [BODY, REFERENCES[0], "The keeper's cottage is now a small museum."]
    assert kept(run_stages(lines, "references")) == lines


@pytest.mark.parametrize(
    "line",
    [
        '↑ Müller, Anna (2019). "Leuchttürme der Nordsee". Abgerufen am 3. Mai 2020.',
        "Durand, Paul. « Les phares bretons ». Ouest-Mer. Consulté le 12 mars 2018.",
        "García, Luis (2017). «Faros de Galicia». El Mar. Consultado el 4 de junio de 2019.",
        "Иванов И. Маяки Балтики // Морской вестник. — 2018. Проверено 12 мая 2020.",
        "  1. **^** The lamp was replaced in 1931.",
    ],
)
def test_references_in_other_languages_and_dumps_are_recognised(line: str) -> None:
    assert is_reference(line.strip())


@pytest.mark.parametrize(
    "line",
    [
        "The divers retrieved the ship's bell on 12 May 2020.",
        "It was lost. Retrieved files were never found again.",
        "Mayo Clinic. Ergonomics at work. Retrieved from the clinic's website.",
        "Press ^ to go back to the start of the line.",
    ],
)
def test_sentences_that_mention_retrieval_are_not_references(line: str) -> None:
    assert not is_reference(line)
