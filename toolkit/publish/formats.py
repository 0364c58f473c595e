"""The data files: CSV with fixed quoting and "\\n" line ends, Parquet with fixed writer settings.

Same rows, same bytes: nothing here reads a clock or depends on the order of a dict it did not build.
"""

from __future__ import annotations

import csv
from pathlib import Path

LIST_DELIMITER = "|"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def write_csv(path: Path, table, schema: dict) -> None:
    """Write an Arrow table as CSV: minimal quoting, "\\n" line ends, lists joined with "|", booleans as
    true/false, dates as YYYY-MM-DD, empty cells for nulls; streamed in slices of rows."""
    names = [f["name"] for f in schema["fields"]]
    kinds = [f["type"] for f in schema["fields"]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        for batch in table.select(names).to_batches(max_chunksize=SLICE_ROWS):
            writer.writerows(zip(*(_texts(batch.column(i), kind) for i, kind in enumerate(kinds))))


SLICE_ROWS = 65_536
"""Rows converted to Python values at a time, when a table is written as CSV or into SQLite."""


def _texts(array, kind: str) -> list[str]:
    import pyarrow as pa
    import pyarrow.compute as pc

    if kind == "list":
        array = pc.binary_join(array, LIST_DELIMITER)
    elif kind != "string":
        array = pc.cast(array, pa.string())  # integers in digits, booleans true/false, dates YYYY-MM-DD
    return pc.fill_null(array, "").to_pylist()


def arrow_schema(schema: dict):
    import pyarrow as pa

    types = {
        "string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
        "date": pa.date32(), "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(f["name"], types[f["type"]]) for f in schema["fields"]])


def arrow_table(table, schema: dict):
    """A list of row dicts, or a `tables.Columns`, as an Arrow table with the schema's types (an Arrow
    table of those types as it is)."""
    import pyarrow as pa

    target = arrow_schema(schema)
    if isinstance(table, pa.Table) and table.schema.equals(target):
        return table
    if isinstance(table, list):
        return pa.Table.from_pydict({f.name: [row.get(f.name) for row in table] for f in target}, schema=target)
    arrays = [table.columns[f.name].cast(f.type) if f.name in table.columns else pa.nulls(len(table), f.type)
              for f in target]
    return pa.Table.from_arrays(arrays, schema=target)


def rows_of(table) -> list[dict]:
    """A table's rows as dicts, whether it is rows already, `Columns` or an Arrow table."""
    if isinstance(table, list):
        return table
    return table.to_pylist() if hasattr(table, "to_pylist") else table.to_rows()


def write_parquet(path: Path, table) -> None:
    """Write an Arrow table as Parquet with fixed writer settings: a rebuild from the same inputs is
    byte-identical."""
    import pyarrow.parquet as pq

    pq.write_table(
        table, path, compression="zstd", compression_level=3, use_dictionary=False,
        write_statistics=True, version="2.6", data_page_version="1.0", store_schema=True,
    )
