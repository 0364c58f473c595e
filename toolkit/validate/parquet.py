"""Parquet files of a package, read within bounds and in batches.

Before any data is decoded, the file's schema must be the declared one, its row count the CSV's,
and its stored (uncompressed) size within a budget; while batches are decoded, text dictionaries
are sized before they are expanded, so a few KB of repeated long strings cannot grow to gigabytes.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from ..report import Report
from .arrowtypes import ARROW_TYPES

BATCH_ROWS = 1 << 16


def declared_schema(schema: dict) -> pa.Schema:
    return pa.schema([pa.field(f["name"], ARROW_TYPES[f["type"]]) for f in schema["fields"]])


def open_bounded(path: Path, display: str, declared: pa.Schema, rows: int | None, budget: int, report: Report,
                 where: dict):
    """The ParquetFile, when its schema, row count and stored size pass; None (with issues) otherwise."""
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
        actual = handle.schema_arrow
    except (pa.ArrowException, OSError, ValueError, KeyError) as exc:
        _unreadable(report, display, exc, where)
        return None
    if not actual.equals(declared, check_metadata=False):
        for field in declared:
            found = actual.field(field.name).type if field.name in actual.names else "missing"
            if found != field.type:
                report.add("parquet-type-mismatch", f"{display}: column '{field.name}' is {found}, "
                           f"the schema declares {field.type}", field=field.name, **where)
        extra = [n for n in actual.names if n not in declared.names]
        if extra:
            report.add("parquet-type-mismatch", f"{display} has columns the schema does not declare: "
                       f"{', '.join(extra[:5])}", **where)
        return None
    if rows is not None and handle.metadata.num_rows != rows:
        report.add("parquet-csv-mismatch", f"{display} has {handle.metadata.num_rows} rows, its CSV {rows}",
                   hint="the two files of a resource must hold the same table; rebuild the package", **where)
        return None
    metadata = handle.metadata
    stored = sum(metadata.row_group(g).column(c).total_uncompressed_size
                 for g in range(metadata.num_row_groups) for c in range(metadata.num_columns))
    if stored > budget:
        report.add("parquet-too-large", f"{display} holds {stored:,} bytes once decompressed, implausibly more "
                   "than its CSV; not read", value=str(stored), hint="the file is not the table its CSV holds",
                   **where)
        return None
    return handle


def batches(path: Path, declared: pa.Schema, display: str, budget: int, report: Report, where: dict):
    """The file's record batches, decoded to the declared types; stops (with an issue) when the
    decoded size passes `budget` or a page cannot be read. Text is read dictionary-encoded, so its
    decoded size is known before it is expanded."""
    import pyarrow.parquet as pq

    text = [f.name if f.type == pa.string() else f"{f.name}.list.element"
            for f in declared if f.type in (pa.string(), pa.list_(pa.string()))]
    total = 0
    try:
        handle = pq.ParquetFile(path, read_dictionary=text or None)
        for encoded in handle.iter_batches(batch_size=BATCH_ROWS, use_threads=True):
            total += sum(_decoded_bytes(encoded.column(i)) for i in range(encoded.num_columns))
            if total > budget:
                report.add("parquet-too-large", f"{display} decodes to more than {budget:,} bytes, implausibly "
                           "more than its CSV; not read further", value=str(total),
                           hint="the file is not the table its CSV holds", **where)
                return
            yield pa.RecordBatch.from_arrays([_decode(encoded.column(f.name), f.type) for f in declared],
                                             schema=declared)
    except (pa.ArrowException, OSError, ValueError, KeyError) as exc:
        _unreadable(report, display, exc, where)


def _unreadable(report: Report, display: str, exc: Exception, where: dict) -> None:
    if isinstance(exc, KeyError):  # pyarrow: the footer's column paths disagree with the schema stored beside them
        name = exc.args[0].decode(errors="replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        report.add("parquet-unreadable", f"{display} is not a readable Parquet file: its footer has no column "
                   f"'{name}', which its own schema names", hint="the file is damaged; rebuild or download it again",
                   **where)
        return
    report.add("parquet-unreadable", f"{display} is not a readable Parquet file: {_short(exc)}",
               hint="the file may be truncated; rebuild or download it again", **where)


def _decoded_bytes(column) -> int:
    """Bytes the column takes once its dictionaries are expanded, computed without expanding them."""
    total = 0
    for chunk in (column.chunks if isinstance(column, pa.ChunkedArray) else [column]):
        if pa.types.is_list(chunk.type):
            total += 4 * len(chunk)
            chunk = pc.list_flatten(chunk)
        if pa.types.is_dictionary(chunk.type):
            lengths = pc.binary_length(chunk.dictionary)
            total += (pc.sum(pc.take(lengths, chunk.indices)).as_py() or 0) + 4 * len(chunk)
        else:
            total += chunk.nbytes
    return total


def _decode(column, target: pa.DataType) -> pa.Array:
    if column.type == target:
        return column
    if pa.types.is_list(column.type):
        values = pc.cast(column.values, pa.string())
        return pa.ListArray.from_arrays(column.offsets, values, mask=column.is_null())
    return pc.cast(column, target)


def as_text(batch: pa.RecordBatch, schema: dict) -> pa.RecordBatch:
    """A typed batch as the text a CSV of it holds, so the same cell checks apply."""
    columns = []
    for field in schema["fields"]:
        column = batch.column(field["name"])
        if field["type"] == "list":
            column = pc.binary_join(column, field.get("delimiter", ","))
        elif field["type"] == "date":
            column = pc.strftime(column, format="%Y-%m-%d")
        elif field["type"] == "boolean":
            column = pc.if_else(column, "true", "false")
        else:
            column = pc.cast(column, pa.string())
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, names=[f["name"] for f in schema["fields"]])


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]
