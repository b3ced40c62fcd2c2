"""A picture of what was removed: self-contained HTML pages (inline CSS and SVG, no script,
no network) for one input (`newsclean explain FILE --html OUT`) or a whole run
(`newsclean report out.jsonl -o OUT`).

Modules: `markup` (escaping and the page shell), `palette` (a colour per reason), `charts`
(inline SVG bar charts), `page_view` (one page's blocks in order), `run_view` (a run's
counts, charts and the documents with most removed text), `commands` (the CLI glue).
Every text that comes from a page or a record goes through `markup.esc`: a hostile page's
text is shown as text, never becomes markup; the page also forbids scripts and loads through
its Content-Security-Policy.
"""

from cleaners.report.page_view import PageView, document_view, render_pages
from cleaners.report.run_view import RunStats, render_run

__all__ = ["PageView", "RunStats", "document_view", "render_pages", "render_run"]
