"""Regenerate the README's stage and option tables from the registry and the click command."""

from __future__ import annotations

import re
from pathlib import Path

from cleaner.cli import options_table
from cleaner.stage import stage_table

README = Path(__file__).resolve().parent.parent / "README.md"


def fill(text: str, marker: str, content: str) -> str:
    """Replace what stands between ``<!-- marker:start -->`` and ``<!-- marker:end -->``."""
    return re.sub(
        rf"(<!-- {marker}:start -->\n).*?(\n<!-- {marker}:end -->)",
        lambda m: m.group(1) + content + m.group(2),
        text,
        flags=re.S,
    )


def main() -> None:
    text = README.read_text(encoding="utf-8")
    text = fill(text, "stages", stage_table())
    text = fill(text, "cli", options_table())
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
