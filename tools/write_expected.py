"""Write `<name>.expected.json` for a new fixture from the cleaner's current output.

For bootstrapping a fixture only: read the file it writes line by line and correct it by
hand before committing; the test then pins what you approved.
    python tools/write_expected.py fixtures/<site>/<name>.txt
    python tools/write_expected.py fixtures/html/<site>/<name>.html
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cleaners import clean_html, clean_text

VOLATILE = ("id", "source")


def main(paths: list[str]) -> None:
    for name in paths:
        raw = Path(name)
        if raw.suffix in (".html", ".htm"):  # as tests/test_html_fixtures.py reads them
            record = clean_html(raw.read_bytes(), source=str(raw)).to_dict()
        else:
            record = clean_text(raw.read_text(encoding="utf-8"), source=str(raw)).to_dict()
        expected = {k: v for k, v in record.items() if k not in VOLATILE}
        target = raw.with_name(raw.stem + ".expected.json")
        target.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
