"""The Arrow type a checker expects of each Table Schema type (the streaming engine and the Parquet reader)."""

from __future__ import annotations

import pyarrow as pa

ARROW_TYPES = {
    "string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
    "date": pa.date32(), "list": pa.list_(pa.string()),
}
