"""A frictionless-py plugin that reads Parquet resources with their types intact.

frictionless-py 5 reads Parquet through pandas: list columns arrive as numpy arrays (which its
`list` and `array` fields refuse), missing integers as NaN, and the file's bytes are never counted
(so a declared `bytes` always fails). This plugin, found by frictionless because of its module
name, reads the file through frictionless's own loader, so bytes and hashes are counted, and hands
each row over as Python values: lists as lists, missing values as None, dates as dates. Installed
with prisoner-data, it lets `frictionless validate datapackage-parquet.json` check the package's
Parquet copies like any other table.
"""

from __future__ import annotations

import io

from frictionless.system import Parser, Plugin


class TypedParquetParser(Parser):
    requires_loader = True
    supported_types = ["array", "boolean", "date", "datetime", "integer", "list", "number", "object", "string",
                       "time"]

    def read_cell_stream_create(self):
        import pyarrow.parquet as pq

        stream, chunks = self.loader.byte_stream, []
        while chunk := stream.read1(1 << 20):  # read1: the loader counts bytes and hashes what passes it
            chunks.append(chunk)
        table = pq.read_table(io.BytesIO(b"".join(chunks)), use_threads=False)
        yield table.column_names
        for batch in table.to_batches(max_chunksize=10_000):
            columns = [column.to_pylist() for column in batch.columns]
            yield from (list(row) for row in zip(*columns))


class TypedparquetPlugin(Plugin):
    """Takes over the `parquet` format from frictionless's pandas-based reader."""

    def create_parser(self, resource):
        if resource.format in ("parquet", "parq"):
            return TypedParquetParser(resource)
        return None
