"""Write `<name>.expected.json` for a new fixture from the cleaner's current output.

For bootstrapping a fixture only: read the file it writes line by line and correct it by
hand before committing; the test then pins what you approved.
    python tools/write_expected.py fixtures/<site>/<name>.txt
    python tools/write_expected.py fixtures/html/<site>/<name>.html [more files...]

A text dump is cleaned with `clean_text`, an HTML page (``.html``, ``.htm``) with
`clean_html`, both without a site's rule pack: the generic rules alone must handle every
fixture. `expected_record` is what tests/test_text_fixtures.py and tests/test_html_fixtures.py
compare with the file; the HTML test also runs each seed site's pages with the seed's
``[rules]`` pack (``rules=``) and checks that only the removals' rule names can differ.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cleaners import clean_html, clean_text

# Fields that depend on where the input lies, not on what it says.
VOLATILE = ("id", "source")
HTML_SUFFIXES = (".html", ".htm")


def expected_record(raw: Path, rules: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The record of one fixture input, without the volatile fields."""
    if raw.suffix in HTML_SUFFIXES:
        record = clean_html(raw.read_bytes(), source=str(raw), rules=rules).to_dict()
    elif rules:
        raise ValueError("a rule pack applies to HTML pages only")
    else:
        record = clean_text(raw.read_text(encoding="utf-8"), source=str(raw)).to_dict()
    return {k: v for k, v in record.items() if k not in VOLATILE}


def expected_path(raw: Path) -> Path:
    return raw.with_name(raw.stem + ".expected.json")


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    for name in paths:
        raw = Path(name)
        target = expected_path(raw)
        text = json.dumps(expected_record(raw), ensure_ascii=False, indent=2) + "\n"
        target.write_text(text, "utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
