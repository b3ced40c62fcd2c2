"""Feed exporters: a crawl's JSON Lines are written as ``newsclean clean`` writes records.

The pipelines emit each record as a plain ``dict`` whose keys are already in schema order and
whose values are JSON types. Such an item is written with `cleaners.writers.dumps_record`, the
one record encoder (compact separators, UTF-8 as is), so a crawl's line for a page is the line
``newsclean clean`` writes for the same record. That is also the fast path: Scrapy's exporter
builds an ``ItemAdapter``, looks up field metadata and applies an identity serializer to every
field before encoding, several times the cost per record in the crawl's single busy process.

Any other item, an exporter configured with ``fields_to_export``/``export_empty_fields`` or an
encoding other than UTF-8 takes Scrapy's own path, with the same separators.
"""

from __future__ import annotations

import codecs
from io import BytesIO
from typing import Any

from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.python import to_bytes

from cleaners.writers import dumps_record

SEPARATORS = (",", ":")  # dumps_record's


class JsonLinesExporter(JsonLinesItemExporter):
    def __init__(self, file: BytesIO, **kwargs: Any) -> None:
        kwargs.setdefault("separators", SEPARATORS)
        super().__init__(file, **kwargs)
        self._plain = (
            self.fields_to_export is None
            and not self.export_empty_fields
            and self.encoding is not None
            and codecs.lookup(self.encoding).name == "utf-8"
            and self._kwargs.get("separators") == SEPARATORS
        )

    def export_item(self, item: Any) -> None:
        if type(item) is dict and self._plain:
            self.file.write(to_bytes(dumps_record(item) + "\n", "utf-8"))
            return
        super().export_item(item)
