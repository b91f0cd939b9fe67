"""Cyclic garbage collection paused while modules load (start-up time)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside the block; afterwards the collector is as it was.

    Importing the package, click and the stage modules makes tens of thousands of
    objects that live as long as the process and next to no garbage: the
    collections they trigger only walk live objects (about 3% of the instructions
    of a one-file run). Whatever garbage there is waits for the next collection.

    ``freeze=True`` then moves every object alive into the permanent generation
    (:func:`gc.freeze`), which no collection walks again: for the command, whose
    modules live as long as its process. Without it, the first collection after
    the block walks them all once.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        gc.enable()
