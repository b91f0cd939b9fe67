"""Fuzz target: the reader and the pipeline must clean any input or refuse it with a CleanerError.

Run it long with atheris (``pip install -e '.[fuzz]'``)::

    python fuzz/fuzz_clean.py fuzz/corpus -max_total_time=1800 -rss_limit_mb=4096 -timeout=60

Any other exception is a crash: atheris stops and writes the input to ``crash-*``.
Without atheris, ``check`` is the same oracle that tests/test_fuzz_smoke.py runs
over a few hundred hypothesis inputs.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from cleaner.pipeline import Pipeline

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

#: Inputs are cut to this many bytes: the fuzzer looks for wrong logic, not for slow giants
#: (benchmarks/stress.py covers those).
MAX_INPUT = 64 * 1024


def check(data: bytes) -> None:
    """Clean ``data`` as bytes, as text, and as an HTML page; only a CleanerError may come out."""
    import cleaner
    from cleaner.html import read_html
    from cleaner.writers import FORMATS, render

    data = data[:MAX_INPUT]
    text = data.decode("utf-8", "surrogateescape")  # lone surrogates in a str input, too
    for raw in (data, text):
        try:
            article = cleaner.clean(raw)
        except cleaner.CleanerError:
            continue
        for fmt in FORMATS:
            render(article, fmt, source="fuzz").encode("utf-8")
    try:
        doc = read_html(data, source="fuzz")
    except cleaner.CleanerError:
        return
    article = cleaner.Article.from_document(_pipeline().clean(doc))
    for fmt in FORMATS:
        render(article, fmt, source="fuzz").encode("utf-8")


@cache
def _pipeline() -> Pipeline:
    from cleaner.pipeline import Pipeline

    return Pipeline.build()


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["cleaner"]):
        import cleaner  # noqa: F401
        import cleaner.html  # noqa: F401
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
