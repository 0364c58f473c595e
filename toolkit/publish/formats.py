"""The data files: CSV with fixed quoting and "\\n" line ends, Parquet with fixed writer settings.

Same rows, same bytes: nothing here reads a clock or depends on the order of a dict it did not build.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

LIST_DELIMITER = "|"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def csv_bytes(rows: list[dict], schema: dict) -> bytes:
    names = [f["name"] for f in schema["fields"]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(n)) for n in names])
    return buffer.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_DELIMITER.join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def arrow_schema(schema: dict):
    import pyarrow as pa

    types = {
        "string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
        "date": pa.date32(), "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(f["name"], types[f["type"]]) for f in schema["fields"]])


def write_parquet(path: Path, rows: list[dict], schema: dict) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = arrow_schema(schema)
    columns = {f.name: [row.get(f.name) for row in rows] for f in target}
    table = pa.Table.from_pydict(columns, schema=target)
    # Fixed writer settings: a rebuild from the same inputs is byte-identical.
    pq.write_table(
        table, path, compression="zstd", compression_level=3, use_dictionary=False,
        write_statistics=True, version="2.6", data_page_version="1.0", store_schema=True,
    )
