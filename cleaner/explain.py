"""``--explain``: the dump line by line, every removed line marked with its stage and reason.

Plain form (for pipes and files), one input line per output line::

    - [icons] icon-sprite labels | icon bookmark-bicon cameraicon
    ^ [metadata] headline (lifted into title) | Talks are impossible, Kremlin says
      Russia and Japan are not holding any negotiations ...

``-`` marks a removed line, ``^`` a line lifted into the metadata (the field
is named), two spaces a kept line; a blank line stays blank. On a terminal the same lines are coloured
with rich (imported only then).
"""

from __future__ import annotations

from typing import NamedTuple, TextIO

from .document import Document

REMOVED = "-"
LIFTED = "^"
KEPT = " "


class Line(NamedTuple):
    """One input line as ``--explain`` shows it."""

    mark: str  # REMOVED, LIFTED or KEPT
    text: str
    stage: str = ""
    reason: str = ""
    field: str | None = None

    @property
    def label(self) -> str:
        """``[stage] reason`` (and the field for lifted lines); empty for kept lines."""
        if self.mark == KEPT:
            return ""
        lifted = f" (lifted into {self.field})" if self.field else ""
        return f"[{self.stage}] {self.reason}{lifted}"


def explain_lines(doc: Document) -> list[Line]:
    """Every block of ``doc`` in input order, marked kept, removed or lifted."""
    out = []
    for block in doc.blocks:
        r = block.removal
        if r is None:
            out.append(Line(KEPT, block.text))
        else:
            out.append(Line(LIFTED if r.field else REMOVED, block.text, r.stage, r.reason, r.field))
    return out


def format_plain(lines: list[Line]) -> str:
    """The plain form: ``- [stage] reason | line`` for removals, ``  line`` for kept lines."""
    parts = []
    for line in lines:
        if not line.text:
            parts.append("\n")
        elif line.mark == KEPT:
            parts.append(f"  {line.text}\n")
        else:
            parts.append(f"{line.mark} {line.label} | {line.text}\n")
    return "".join(parts)


def counts(lines: list[Line]) -> str:
    """``12 kept, 30 removed, 3 lifted``: one line of totals."""
    kept = sum(1 for ln in lines if ln.mark == KEPT)
    lifted = sum(1 for ln in lines if ln.mark == LIFTED)
    return f"{kept} kept, {len(lines) - kept - lifted} removed, {lifted} lifted"


def write_explain(
    lines: list[Line], stream: TextIO, *, title: str | None = None, color: bool = False
) -> None:
    """Write the explanation of one input to ``stream``, coloured with rich when ``color``.

    ``title`` (the input's name, in batch runs) is printed as a ``==> name <==`` header.
    """
    if not color:
        if title is not None:
            stream.write(f"==> {title} <==\n")
        stream.write(format_plain(lines))
        stream.flush()
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
    if title is not None:
        console.print(Text(f"==> {title} <==", style="bold"))
    for line in lines:
        if not line.text or line.mark == KEPT:
            console.print(Text(f"  {line.text}" if line.text else ""))
            continue
        style = "cyan" if line.mark == LIFTED else "red"
        console.print(
            Text.assemble(
                (f"{line.mark} ", f"bold {style}"),
                (line.label, style),
                (" | ", "dim"),
                (line.text, "dim" if line.mark == REMOVED else ""),
            )
        )
    console.print(Text(counts(lines), style="bold"))
