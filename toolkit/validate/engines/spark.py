"""`--engine spark`: the same ibis expressions (engines.sql) run on Spark, for tables that outgrow
one machine. Needs the `spark` extra and Java 17.

The session is the one `SPARK_REMOTE` names (Spark Connect, e.g. `sc://cluster:15002`), else a
local one (`local[*]`, or `PRISONER_DATA_SPARK_MASTER`). On a cluster, the package must be on a
path every executor can read (a shared file system).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass

from ...errors import MissingExtra, ToolkitError
from ..rules import ROW
from .sql import SqlEngine


@dataclass
class Session:
    spark: object
    ibis: object
    views: list


class Engine(SqlEngine):
    name = "spark"

    @contextmanager
    def session(self):
        import warnings

        warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")  # pandas 3 is not "supported"
        try:
            import ibis
            from pyspark.sql import SparkSession
        except ModuleNotFoundError as exc:
            raise MissingExtra("--engine spark (with Java 17)", exc.name, "spark") from None
        builder = SparkSession.builder.appName("prisoner-data validate")
        if os.environ.get("SPARK_REMOTE"):
            builder = builder.remote(os.environ["SPARK_REMOTE"])
        else:
            builder = (builder.master(os.environ.get("PRISONER_DATA_SPARK_MASTER", "local[*]"))
                       .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                       .config("spark.sql.session.timeZone", "UTC"))
        try:
            spark = builder.getOrCreate()
        except Exception as exc:  # noqa: BLE001 - Java missing or the cluster unreachable: say so plainly
            raise ToolkitError(f"could not start Spark: {' '.join(str(exc).split())[:300]}",
                               hint="install Java 17, or point SPARK_REMOTE at a Spark Connect server") from None
        if not os.environ.get("SPARK_REMOTE"):
            spark.sparkContext.setLogLevel("ERROR")
        session = Session(spark, ibis.pyspark.connect(spark), [])
        try:
            yield session
        finally:
            for view in session.views:
                spark.catalog.dropTempView(view)

    @staticmethod
    def split(column, delimiter: str):
        """Spark's split takes a pattern: the delimiter is escaped so it is taken literally."""
        import re

        return column.split(re.escape(delimiter))

    def read(self, session: Session, table, names: list[str]):
        """The CSV, every column as text (empty cells null), numbered in file order. multiLine keeps a
        quoted line break inside its cell (and the file in one piece, so the numbering is the file's)."""
        from pyspark.sql import functions as F
        from pyspark.sql.types import LongType, StringType, StructField, StructType

        schema = StructType([StructField(n, StringType()) for n in names])
        frame = (session.spark.read.option("header", "true").option("mode", "FAILFAST").option("multiLine", "true")
                 .option("quote", '"').option("escape", '"').option("encoding", "UTF-8")
                 .schema(schema).csv(str(table.path)))
        numbered = frame.rdd.zipWithIndex().map(lambda pair: (pair[1], *pair[0]))
        raw = session.spark.createDataFrame(numbered, StructType([StructField(ROW, LongType()), *schema.fields]))
        raw = raw.select(ROW, *[F.when(F.col(f"`{n}`") == "", None).otherwise(F.col(f"`{n}`")).alias(n)
                                for n in names])
        return self._view(session, f"raw_{table.name}", raw)

    def keep(self, session: Session, name: str, expression):
        frame = session.ibis._session.sql(_spark_sql(expression))
        frame = frame.persist()
        return self._view(session, self.table_name(name).strip("`"), frame)

    def _view(self, session: Session, name: str, frame):
        frame.createOrReplaceTempView(name)
        session.views.append(name)
        return session.ibis.table(name)

    def count(self, session: Session, name: str) -> int:
        return session.spark.table(self.table_name(name).strip("`")).count()

    def sql(self, session: Session):
        from ..key_checks import Sql

        return Sql(session.spark.sql, "spark")

    @staticmethod
    def table_name(name: str) -> str:
        return "`typed_" + name.replace("`", "") + "`"

    @staticmethod
    def is_parse_error(exc: Exception) -> bool:
        text = str(exc)
        return any(word in text for word in ("Malformed", "FAILFAST", "MALFORMED", "malformed"))


def _spark_sql(expression) -> str:
    import ibis

    return ibis.to_sql(expression, dialect="pyspark")
