"""Resolved tables from reconciled claims: a list of row dicts per resource, the claims column by column.

Column names follow the table schemas in schemas/. A resolved field `f` is
written as its value columns (`f`, `f_qualifier` / `f_precision`, or `f_id`),
`f_status` and `f_claims`, so every value leads back to its claims and quotes.
Rows are sorted by primary key so the output is stable.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from operator import attrgetter

from ..ingest.claims import Claim, Ledger
from ..ingest.entities import Registry
from ..ingest.models import PropertyDef
from ..reconcile import Fact, Reconciliation
from ..reconcile.facts import STATUS_CONFLICT, STATUS_CURATOR
from ..ingest.sources import Source
from ..values import INF, Count, DateValue

RELEASE_FIELDS = {
    "date": "date",
    "released_count": "released_count",
    "envoy": "envoy",
    "pardoned_by": "pardoned_by",
    "traded_for": "traded_for",
    "negotiation_days": "negotiation_days",
}
PERSON_FIELDS = {
    "roles": "role",
    "age": "age",
    "nationality": "nationality",
    "sentence_years": "sentence_years",
    "sentenced_on": "sentenced_on",
    "charges": "charge",
    "imprisoned_since": "imprisoned_since",
    "held_at": "held_at",
    "isolation_months": "isolation_months",
    "sent_to": "sent_to",
}
SANCTION_FIELDS = {
    name: name
    for name in ("target", "imposed_by", "imposed_on", "lifted_by", "lifted_on", "lift_announced_by",
                 "exchanged_for", "relief", "aircraft_count")
}


def build_tables(sources: dict[str, Source], ledger: Ledger, registry: Registry, vocabulary,
                 result: Reconciliation, finish=None) -> dict:
    """Every resource's rows (the claims as `Columns`), keyed by resource name; with `finish(name, rows)`,
    what it makes of each table, called as soon as that table is complete (so a caller that makes
    each one compact holds only one table's rows at a time)."""
    finish = finish or (lambda name, rows: rows)
    open_by_subject = defaultdict(int)
    for conflict in result.conflicts:
        if conflict.status == "open":
            open_by_subject[conflict.subject] += 1
    release_people = _release_people(result, registry)
    tables = {
        "releases": finish("releases", _releases(result, registry, vocabulary, release_people, open_by_subject)),
        "release_destinations": finish("release_destinations", _destinations(result, registry)),
        "release_groups": finish("release_groups", _groups(result, registry)),
        "people": finish("people", _people(result, registry, vocabulary, release_people)),
    }
    tables["release_people"] = finish("release_people", release_people)
    del release_people
    tables["sanctions"] = finish("sanctions", _sanctions(result, registry, vocabulary, open_by_subject))
    tables["prisoner_counts"] = finish("prisoner_counts", _prisoner_counts(result, registry))
    tables["conflicts"] = finish("conflicts", _conflicts(result))
    tables["claims"] = finish("claims", _claims(result.claims, vocabulary))
    tables["sources"] = finish("sources", _sources(sources, ledger))
    tables["entities"] = finish("entities", _entities(registry, result))
    return tables


def resolved_columns(column: str, prop: PropertyDef | str, fact: Fact | None) -> dict:
    """The columns of one resolved field; empty values where no claim speaks to it.

    Every field has its value columns, `_status`, `_claims` (the claims behind it), `_origins` (how many
    independent origins stand behind the value) and, unless it is text, `_candidates` (the competing
    values while sources disagree)."""
    kind = prop if isinstance(prop, str) else prop.type
    value = fact.value if fact else None
    cols: dict = {}
    if kind == "count":
        count = value if isinstance(value, Count) else None
        cols[column] = count.value if count else None
        cols[f"{column}_qualifier"] = count.qualifier if count else None
        cols[f"{column}_upper"] = count.upper if count else None
        if not isinstance(prop, str) and prop.ages:
            dated = fact.dated if fact and count else None
            cols[f"{column}_as_of"] = dated.start if dated else None
            cols[f"{column}_as_of_precision"] = dated.precision if dated else None
    elif kind == "date":
        date = value if isinstance(value, DateValue) else None
        cols[column] = date.start if date else None
        cols[f"{column}_precision"] = date.precision if date else None
        cols[f"{column}_qualifier"] = date.qualifier if date else None
    elif kind == "entity":
        cols[f"{column}_id"] = value
    else:
        cols[column] = list(value) if value else None
    cols[f"{column}_status"] = fact.status if fact else None
    cols[f"{column}_claims"] = fact.shown_claim_ids if fact else None
    cols[f"{column}_origins"] = len(fact.origins) if fact and fact.settled else None
    if kind != "text":
        cols[f"{column}_candidates"] = (fact.candidates or None) if fact else None
    if kind == "count":
        low, low_sources, high, high_sources = count_spread(fact)
        cols[f"{column}_low"], cols[f"{column}_low_sources"] = low, low_sources
        cols[f"{column}_high"], cols[f"{column}_high_sources"] = high, high_sources
    return cols


def count_spread(fact: Fact | None) -> tuple:
    """While sources disagree on a count (in conflict, or a curator chose): the lowest figure any source
    allows and the highest any source states, each with the sources that give it, so a reader can quote
    the range honestly beside the status and the chosen value. Four Nones otherwise."""
    if fact is None or fact.status not in (STATUS_CONFLICT, STATUS_CURATOR):
        return None, None, None, None
    counts = [(claim.source, claim.value) for claim in fact.claims if isinstance(claim.value, Count)]
    if len({str(count) for _, count in counts}) < 2:
        return None, None, None, None
    stated = [(source, count.low, count.high if count.high != INF else count.low) for source, count in counts]
    low, high = min(s[1] for s in stated), max(s[2] for s in stated)
    return (int(low), sorted({s[0] for s in stated if s[1] == low}),
            int(high), sorted({s[0] for s in stated if s[2] == high}))


def _fields(result: Reconciliation, subject: str, fields: dict[str, str], vocabulary) -> dict:
    row = {}
    for column, prop in fields.items():
        row.update(resolved_columns(column, vocabulary[prop], result.fact(subject, prop)))
    return row


def _of_kind(registry: Registry, kind: str):
    return sorted((e for e in registry.entities.values() if e.kind == kind), key=lambda e: e.id)


def _releases(result, registry, vocabulary, release_people, open_by_subject) -> list[dict]:
    named = defaultdict(int)
    for link in release_people:
        named[link["release_id"]] += 1
    rows = []
    for entity in _of_kind(registry, "release"):
        row = {"release_id": entity.id, "name": entity.name}
        row.update(_fields(result, entity.id, RELEASE_FIELDS, vocabulary))
        row["named_people"] = named[entity.id]
        row["open_conflicts"] = open_by_subject[entity.id]
        rows.append(row)
    return rows


def _destinations(result: Reconciliation, registry: Registry) -> list[dict]:
    rows = []
    for fact in result.facts.values():
        if fact.key.property != "destination_count":
            continue
        row = {
            "release_id": fact.key.subject,
            "destination_id": fact.key.scope,
            "group_id": fact.key.population or registry.root_group(),
            "places_named": sorted({c.scope for c in fact.claims}),
        }
        row.update(resolved_columns("count", "count", fact))
        rows.append(row)
    return sorted(rows, key=lambda r: (r["release_id"], r["destination_id"], r["group_id"]))


def _groups(result: Reconciliation, registry: Registry) -> list[dict]:
    rows = []
    for fact in result.facts.values():
        if fact.key.property == "released_count" and fact.key.population:
            row = {"release_id": fact.key.subject, "group_id": fact.key.population}
            row.update(resolved_columns("count", "count", fact))
            rows.append(row)
    return sorted(rows, key=lambda r: (r["release_id"], r["group_id"]))


def _release_people(result: Reconciliation, registry: Registry) -> list[dict]:
    rows = []
    for fact in result.facts.values():
        if fact.key.property != "released_in":
            continue
        releases = {c.value for c in fact.claims}
        for release in sorted(releases):
            claims = sorted(c.id for c in fact.claims if c.value == release)
            status = fact.status if len(releases) > 1 else (
                "agreed" if len({c.source for c in fact.claims}) > 1 else "single_source")
            rows.append({"release_id": release, "person_id": fact.key.subject, "status": status, "claims": claims})
    return sorted(rows, key=lambda r: (r["release_id"], r["person_id"]))


def _people(result, registry: Registry, vocabulary, release_people) -> list[dict]:
    freed = sorted({link["person_id"] for link in release_people})
    rows = []
    for person_id in freed:
        entity = registry.get(person_id)
        row = {"person_id": person_id, "name": entity.name, "aliases": list(entity.aliases) or None}
        row.update(_fields(result, person_id, PERSON_FIELDS, vocabulary))
        rows.append(row)
    return rows


def _sanctions(result, registry: Registry, vocabulary, open_by_subject) -> list[dict]:
    rows = []
    for entity in _of_kind(registry, "sanction"):
        row = {"sanction_id": entity.id, "name": entity.name}
        row.update(_fields(result, entity.id, SANCTION_FIELDS, vocabulary))
        row["open_conflicts"] = open_by_subject[entity.id]
        rows.append(row)
    return rows


def _prisoner_counts(result: Reconciliation, registry: Registry) -> list[dict]:
    rows = []
    for fact in result.facts.values():
        key = fact.key
        if registry.kind(key.subject) != "place":
            continue
        as_of = fact.claims[0].as_of
        row = {
            "count_id": f"{key.subject}/{key.property}/{key.as_of or 'undated'}",
            "place_id": key.subject,
            "measure": key.property,
            "as_of": as_of.start if as_of else None,
            "as_of_precision": as_of.precision if as_of else None,
        }
        row.update(resolved_columns("count", "count", fact))
        rows.append(row)
    return sorted(rows, key=lambda r: r["count_id"])


def _conflicts(result: Reconciliation) -> list[dict]:
    return [
        {
            "conflict_id": c.id, "subject_id": c.subject, "property": c.property, "scope_id": c.scope,
            "population_id": c.population, "kind": c.kind, "severity": c.severity, "status": c.status,
            "values": c.values, "claim_ids": c.claim_ids, "source_ids": c.source_ids,
            "description": c.description, "resolution": c.resolution, "rationale": c.rationale,
            "origins": c.sides, "unreviewed_claims": c.unreviewed or None,
        }
        for c in sorted(result.conflicts, key=lambda c: c.id)
    ]


@dataclass(frozen=True)
class Columns:
    """A table held as Arrow arrays, column by column: the claims table, which as a million row
    dicts would not fit in memory."""

    columns: dict[str, object]
    rows: int

    def __len__(self) -> int:
        return self.rows

    def to_rows(self) -> list[dict]:
        names = list(self.columns)
        return [dict(zip(names, values)) for values in zip(*(self.columns[n].to_pylist() for n in names))]


def _claims(claims: list[Claim], vocabulary) -> Columns:
    """The claims table, one column at a time: each column is a pass over the claims made into an Arrow
    array at once, so no row of Python values is ever held."""
    import pyarrow as pa

    ordered = sorted(claims, key=attrgetter("id"))
    kinds = {name: prop.type for name, prop in vocabulary.items()}

    def of_count(read):
        return lambda c: read(c.value) if type(c.value) is Count else None

    def of_date(read):
        return lambda c: read(c.value) if type(c.value) is DateValue else None

    def of_as_of(read):
        return lambda c: read(c.as_of) if c.as_of is not None else None

    columns = {
        "claim_id": attrgetter("id"), "source_id": attrgetter("source"), "subject_id": attrgetter("subject"),
        "property": attrgetter("property"), "value": attrgetter("raw_value"), "value_type": lambda c: kinds[c.property],
        "count_value": of_count(attrgetter("value")), "count_qualifier": of_count(attrgetter("qualifier")),
        "count_low": of_count(lambda v: int(v.low)),
        "count_high": of_count(lambda v: int(v.high) if v.high != INF else None),
        "date_value": of_date(attrgetter("start")), "date_precision": of_date(attrgetter("precision")),
        "date_qualifier": of_date(attrgetter("qualifier")), "date_event_id": attrgetter("event"),
        "entity_id": lambda c: c.value if kinds[c.property] == "entity" else None,
        "scope_id": attrgetter("scope"), "population_id": attrgetter("population"),
        "as_of": of_as_of(attrgetter("start")), "as_of_precision": of_as_of(attrgetter("precision")),
        "attributed_to_id": attrgetter("attributed_to"), "attributed_to": attrgetter("attributed_as"),
        "origin_key": attrgetter("origin"), "origin": attrgetter("origin_name"), "breakdown": attrgetter("breakdown"),
        "quote": attrgetter("quote"), "quote_line": attrgetter("quote_line"), "note": attrgetter("note"),
        "ledger_file": attrgetter("file"), "ledger_line": attrgetter("line"),
    }
    return Columns({name: pa.array([get(c) for c in ordered]) for name, get in columns.items()}, len(ordered))


def _sources(sources: dict[str, Source], ledger: Ledger) -> list[dict]:
    counts = defaultdict(int)
    for claim in ledger.claims:
        counts[claim.source] += 1
    rows = []
    for source_id in sorted(sources):
        e = sources[source_id].entry
        published = DateValue(e.published)
        rows.append({
            "source_id": e.id, "outlet": e.outlet, "outlet_inferred": e.outlet_inferred, "title": e.title,
            "published": published.start, "published_precision": e.published_precision,
            "published_inferred": e.published_inferred, "language": e.language,
            "article_path": f"seeds/{e.path}", "bytes": e.bytes, "sha256": e.sha256,
            "claim_count": counts[source_id], "note": e.note, "url": e.url,
        })
    return rows


def _entities(registry: Registry, result: Reconciliation) -> list[dict]:
    """The registry, and for every person what the sources call them (`roles`): the people not freed (an
    envoy, a spokesman, someone who stayed behind) have no row in `people` to carry it."""
    rows = []
    for e in sorted(registry.entities.values(), key=lambda e: e.id):
        roles = result.fact(e.id, PERSON_FIELDS["roles"]) if e.kind == "person" else None
        rows.append({
            "entity_id": e.id, "kind": e.kind, "name": e.name, "aliases": list(e.aliases) or None,
            "misspellings": list(e.misspellings) or None, "part_of_id": e.part_of, "place_kind": e.place_kind,
            "country_id": e.country, "nationality_id": e.nationality,
            "partition": e.partition_label if e.kind == "group" else None,
            "root": e.id == registry.root_group() if e.kind == "group" else None,
            "roles": list(roles.value) if roles and roles.value else None,
            "roles_claims": roles.claim_ids if roles else None,
        })
    return rows
