"""The report's one stylesheet, inlined in every page (no file to ship, nothing to fetch).

Reason colours come in through a `--c` custom property set on each element (see `palette`).
"""

STYLESHEET = """\
:root { color-scheme: light; }
body { margin: 0; background: #f6f6f4; color: #1f1f1f;
  font: 15px/1.5 system-ui, "DejaVu Sans", "Noto Sans", "Segoe UI", Roboto, sans-serif; }
header.top { background: #20232a; color: #f4f4f4; padding: 14px 28px; }
header.top h1 { font-size: 20px; margin: 0; }
header.top p { margin: 2px 0 0; color: #c8c8c8; font-size: 13px; }
main { max-width: 1100px; margin: 0 auto; padding: 8px 28px 40px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
a { color: #1a5fb4; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
.card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px;
  min-width: 120px; }
.card .n { display: block; font-size: 22px; font-weight: 700; }
.card .k { color: #666; font-size: 12px; }
.charts { display: flex; flex-wrap: wrap; gap: 14px; }
figure.chart { background: #fff; border: 1px solid #ddd; border-radius: 6px; margin: 0;
  padding: 10px 12px; }
figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
figure.chart svg text { font-size: 12px; fill: #222; }
figure.chart .empty { color: #888; font-style: italic; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eeeeea; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(310px, 1fr));
  gap: 0 18px; margin: 8px 0 12px; font-size: 13px; }
dl.fields > div { display: flex; gap: 8px; border-bottom: 1px solid #eee; padding: 2px 0;
  min-width: 0; }
dl.fields dt { flex: 0 0 104px; color: #666; font-weight: 600; }
dl.fields dd { margin: 0; overflow-wrap: anywhere; min-width: 0; }
section.doc { background: #fff; border: 1px solid #d8d8d8; border-radius: 8px;
  padding: 2px 18px 14px; margin: 22px 0; }
section.doc > h2 { overflow-wrap: anywhere; margin-top: 14px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0; padding: 6px 10px;
  background: #fafafa; border: 1px solid #e4e4e4; border-radius: 6px; font-size: 13px; }
.legend .item { white-space: nowrap; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px;
  background: var(--c); vertical-align: -1px; margin-right: 5px; }
.legend .count { color: #555; margin-left: 4px; font-variant-numeric: tabular-nums; }
ol.blocks { list-style: none; padding: 0; margin: 8px 0; }
ol.blocks li { padding: 3px 10px; margin: 3px 0; border-left: 4px solid transparent;
  white-space: pre-wrap; overflow-wrap: anywhere; }
ol.blocks .n { color: #999; font-size: 11px; margin-inline-end: 8px;
  font-variant-numeric: tabular-nums; }
ol.blocks li.title { font-size: 18px; font-weight: 700; border-left-color: #333; }
ol.blocks li.subtitle { font-weight: 600; color: #333; border-left-color: #777; }
ol.blocks li.removed { border-left-color: var(--c);
  background: color-mix(in srgb, var(--c) 11%, white); }
ol.blocks li.removed del { color: #5a5a5a; text-decoration: line-through;
  text-decoration-color: var(--c); text-decoration-thickness: 2px; }
ol.blocks li.outside { color: #9a9a9a; font-size: 12px; border-left-color: #ddd; }
.why { display: inline-block; font-size: 11px; font-weight: 600; color: var(--c);
  margin-inline-start: 8px; white-space: nowrap; }
.status-rejected { color: #b00020; font-weight: 700; }
nav.index ol { columns: 2; font-size: 13px; }
.note { color: #666; font-size: 13px; }
"""
