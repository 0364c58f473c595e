"""Every resource reads the same through pyarrow and DuckDB, as CSV and as Parquet, with the declared types."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pyarrow as pa
import pyarrow.csv as pv
import pyarrow.parquet as pq
import pytest

from toolkit.publish.formats import arrow_schema

ARROW = {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(), "date": pa.date32(),
         "list": pa.list_(pa.string())}
DUCK = {"string": "VARCHAR", "integer": "BIGINT", "boolean": "BOOLEAN", "date": "DATE", "list": "VARCHAR[]"}


def resources(package):
    """The CSV descriptor's resources, each with its Parquet twin from datapackage-parquet.json under `parquet`."""
    twins = {r["name"]: r for r in json.loads((package / "datapackage-parquet.json").read_text())["resources"]}
    return [{**r, "parquet": twins[r["name"]]} for r in json.loads((package / "datapackage.json").read_text())["resources"]]


def read_csv_typed(path, schema):
    """Read a CSV with the table schema's types; list cells split on the schema's delimiter."""
    fields = schema["fields"]
    types = {f["name"]: (pa.string() if f["type"] == "list" else ARROW[f["type"]]) for f in fields}
    table = pv.read_csv(path, convert_options=pv.ConvertOptions(
        column_types=types, strings_can_be_null=True, true_values=["true"], false_values=["false"]))
    for f in fields:
        if f["type"] == "list":
            column = table[f["name"]]
            split = pa.compute.split_pattern(column, pattern=f["delimiter"])
            table = table.set_column(table.schema.get_field_index(f["name"]), f["name"], split)
    return table


def test_parquet_columns_carry_the_declared_types(built_package):
    for resource in resources(built_package):
        table = pq.read_table(built_package / resource["parquet"]["path"])
        for field in resource["schema"]["fields"]:
            assert table.schema.field(field["name"]).type == ARROW[field["type"]], (resource["name"], field["name"])
        assert table.schema.equals(arrow_schema(resource["schema"]), check_metadata=False)


def test_csv_and_parquet_hold_the_same_rows_in_pyarrow(built_package):
    for resource in resources(built_package):
        from_csv = read_csv_typed(built_package / resource["path"], resource["schema"])
        from_parquet = pq.read_table(built_package / resource["parquet"]["path"])
        assert from_parquet.num_rows > 0, resource["name"]
        assert from_csv.num_rows == from_parquet.num_rows, resource["name"]
        assert from_csv.to_pylist() == from_parquet.to_pylist(), resource["name"]


@pytest.fixture(scope="module")
def duck():
    con = duckdb.connect()
    yield con
    con.close()


def test_duckdb_reads_parquet_with_the_declared_types_and_rows(built_package, duck):
    for resource in resources(built_package):
        path = str(built_package / resource["parquet"]["path"])
        described = duck.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        assert [(r[0], r[1]) for r in described] == [(f["name"], DUCK[f["type"]]) for f in resource["schema"]["fields"]]
        rows = duck.execute(f"SELECT * FROM read_parquet('{path}')").fetchall()
        expected = pq.read_table(path).to_pylist()
        assert [dict(zip([d[0] for d in described], r)) for r in rows] == expected, resource["name"]


def test_duckdb_reads_csv_with_the_declared_types_and_same_rows(built_package, duck):
    for resource in resources(built_package):
        fields = resource["schema"]["fields"]
        columns = ", ".join(f"'{f['name']}': '{'VARCHAR' if f['type'] == 'list' else DUCK[f['type']]}'" for f in fields)
        select = ", ".join(
            f"string_split(\"{f['name']}\", '{f['delimiter']}') AS \"{f['name']}\"" if f["type"] == "list"
            else f"\"{f['name']}\"" for f in fields)
        path = str(built_package / resource["path"])
        query = f"SELECT {select} FROM read_csv('{path}', header=true, columns={{{columns}}}, quote='\"')"
        rows = duck.execute(query).fetchall()
        names = [f["name"] for f in fields]
        parquet = pq.read_table(built_package / resource["parquet"]["path"]).to_pylist()
        assert [dict(zip(names, r)) for r in rows] == parquet, resource["name"]


def test_dates_are_dates_and_counts_are_integers(built_package):
    releases = pq.read_table(built_package / "data/releases.parquet").to_pylist()
    december = next(r for r in releases if r["release_id"] == "release-fx-december")
    assert december["date"] == dt.date(2025, 12, 13)
    assert isinstance(december["released_count"], int)
    assert isinstance(december["date_claims"], list) and december["date_claims"]
