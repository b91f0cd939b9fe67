"""Regenerate the README's stage table from the registry (between the stage markers)."""

from __future__ import annotations

import re
from pathlib import Path

from cleaner.stage import stage_table

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    new = re.sub(
        r"(<!-- stages:start -->\n).*?(\n<!-- stages:end -->)",
        lambda m: m.group(1) + stage_table() + m.group(2),
        text,
        flags=re.S,
    )
    README.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
