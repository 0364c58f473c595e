"""The entity registry: ids, aliases, place and group hierarchy, and resolution.

Resolution is exact on a normalized form of the name (case, diacritics,
apostrophes, punctuation and a leading "the" do not matter). A name that does
not resolve but is close to a known alias is a probable variant: reported with
its candidate, never merged. Two entities may not share a normalized alias.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..project import Project
from ..report import Report
from .yamlio import (LineDict, check_texts, load_yaml, nearest_hint, outside_project, report_duplicate_keys,
                     report_unknown_keys, short)

# registry section -> entity kind
SECTIONS = {
    "people": "person",
    "organisations": "organisation",
    "places": "place",
    "groups": "group",
    "releases": "release",
    "sanctions": "sanction",
}
NEAR_MISS_SCORE = 85.0
_ALLOWED = {"id", "name", "aliases", "misspellings", "part_of", "kind", "country", "nationality", "notes", "root",
            "partition"}
_TEXT_FIELDS = ("part_of", "kind", "country", "nationality", "notes", "partition")
_FREE_TEXT = frozenset({"notes"})
"""The registry's fields that may break lines; ids, names, aliases and the rest are one line each."""
NATIONALITY = "nationality"
"""The partition every group with a `nationality` belongs to: a person has one nationality here."""


@dataclass(frozen=True)
class Entity:
    """A registry entry."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    part_of: str | None = None
    place_kind: str | None = None
    country: str | None = None
    nationality: str | None = None
    notes: str | None = None
    line: int = 0
    root: bool = False
    """For a group: the population a count that names no group counts (everyone freed)."""
    partition: str | None = None
    """For a group: groups of one partition under one parent are disjoint (no one is in two)."""

    @property
    def partition_label(self) -> str | None:
        """The group's partition: declared, or `nationality` for a group of one nationality."""
        return self.partition or (NATIONALITY if self.nationality else None)


@dataclass(frozen=True)
class Resolution:
    """Outcome of resolving one spelling."""

    entity_id: str | None
    misspelling: bool = False
    candidate: str | None = None
    candidate_name: str | None = None
    score: float = 0.0


ROMANIZATIONS = (("ł", "l"), ("tsch", "c"), ("tch", "c"), ("sch", "s"), ("ts", "c"), ("tz", "c"), ("kh", "h"),
                 ("cz", "c"), ("ch", "c"), ("zh", "z"), ("sh", "s"), ("sz", "s"), ("j", "i"), ("y", "i"), ("w", "v"),
                 ("ie", "e"), ("ei", "e"), ("ou", "u"))
"""Spellings that romanizations of one name differ by (Belarusian Latin, Polish, German, English): folded alike, in
this order ("ts", "tz", "cz", "ch" and "č" to "c"; "kh" to "h"; "ł" to "l"; "sz", "sh" to "s"; "j", "y" to "i"...),
so that "Statkievič" and "Statkevich", "Poczobut" and "Pachobut" come near each other. "ch" is also read as "h"
(`romanization_fold(name, "h")`), as Belarusian Latin and Polish write English "kh": "Cichanoŭski" and "Tsikhanouski"."""


FOLDED_LETTERS = 10
"""The fewest letters a folded name has for a near miss across romanizations: short names fold alike too often ("Ma Jun"
and "Ma Yun", two people)."""


def romanization_fold(name: str, ch: str = "c") -> str:
    """A name folded for a near miss across romanizations: `normalize`, then `ROMANIZATIONS` ("ch" folded to `ch`),
    then no doubled letters. Only ever used to offer a candidate, never to resolve."""
    folded = normalize(name)
    for written, common in ROMANIZATIONS:
        folded = folded.replace(written, ch if written == "ch" else common)
    return re.sub(r"(.)\1", r"\1", folded)


def normalize(name: str) -> str:
    """Fold a name for comparison: no case, diacritics, punctuation or leading 'the'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w' ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


@dataclass
class Registry:
    entities: dict[str, Entity] = field(default_factory=dict)
    _index: dict[str, str] = field(default_factory=dict, repr=False)
    _misspelled: set[str] = field(default_factory=set, repr=False)
    _cache: dict[str, Resolution] = field(default_factory=dict, repr=False)
    _choices: list[str] | None = field(default=None, repr=False)
    _folded: list[str] = field(default_factory=list, repr=False)
    _folded_kh: list[str] = field(default_factory=list, repr=False)
    _root: str | None = field(default=None, repr=False)

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self.entities

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def kind(self, entity_id: str) -> str | None:
        entity = self.entities.get(entity_id)
        return entity.kind if entity else None

    def resolve(self, mention: str) -> Resolution:
        """Resolve an id or a spelling. Memoized: each distinct spelling is looked up once."""
        cached = self._cache.get(mention)
        if cached is not None:
            return cached
        if mention in self.entities:
            result = Resolution(mention)
        else:
            key = normalize(mention)
            hit = self._index.get(key)
            result = Resolution(hit, key in self._misspelled) if hit else self._near_miss(mention)
        self._cache[mention] = result
        return result

    def _near_miss(self, mention: str) -> Resolution:
        from rapidfuzz import fuzz, process

        if self._choices is None:
            self._choices = list(self._index)
            self._folded = [romanization_fold(choice) for choice in self._choices]
            self._folded_kh = [romanization_fold(choice, "h") for choice in self._choices]
        best = process.extractOne(normalize(mention), self._choices, scorer=fuzz.ratio, score_cutoff=NEAR_MISS_SCORE)
        folded = romanization_fold(mention)
        if best is None and len(folded.replace(" ", "")) >= FOLDED_LETTERS:
            # "Siarhiej Cichanoŭski" beside "Siarhei Tsikhanouski": two romanizations of one name, offered with the
            # similarity of the spellings as written (never the folded forms' own, which may be 100); "ch" read both ways
            near = max((found for found in (
                process.extractOne(folded, self._folded, scorer=fuzz.ratio, score_cutoff=NEAR_MISS_SCORE),
                process.extractOne(romanization_fold(mention, "h"), self._folded_kh, scorer=fuzz.ratio,
                                   score_cutoff=NEAR_MISS_SCORE)) if found), key=lambda found: found[1], default=None)
            best = (self._choices[near[2]], fuzz.ratio(normalize(mention), self._choices[near[2]])) if near else None
        if best is None:
            return Resolution(None)
        entity_id = self._index[best[0]]
        return Resolution(None, False, entity_id, self.entities[entity_id].name, best[1])

    def ancestors(self, entity_id: str) -> list[str]:
        """The chain of part_of parents, nearest first."""
        chain, seen = [], {entity_id}
        parent = self.entities[entity_id].part_of if entity_id in self.entities else None
        while parent and parent not in seen:
            chain.append(parent)
            seen.add(parent)
            parent = self.entities[parent].part_of if parent in self.entities else None
        return chain

    def within(self, inner: str, outer: str) -> bool:
        """True when `inner` is `outer` or lies inside it."""
        return inner == outer or outer in self.ancestors(inner)

    def top(self, entity_id: str) -> str:
        """The outermost ancestor (a city's country)."""
        chain = self.ancestors(entity_id)
        return chain[-1] if chain else entity_id

    def root_group(self) -> str | None:
        """The population of counts that name no group: the group marked `root: true`, or else the one
        group with no parent that every other group descends from."""
        if self._root is None:
            groups = [e for e in self.entities.values() if e.kind == "group"]
            marked = [e.id for e in groups if e.root]
            tops = [e.id for e in groups if not e.part_of]
            if marked:
                self._root = marked[0]
            elif len(tops) == 1 and all(self.within(e.id, tops[0]) for e in groups):
                self._root = tops[0]
            else:
                self._root = ""
        return self._root or None

    def population(self, group: str | None) -> str | None:
        """A claim's population as the facts key it: None for everyone (no group, or the root group)."""
        return None if group is None or group == self.root_group() else group

    def parent_group(self, group: str) -> str | None:
        """The group a group's count must fit inside; None for everyone."""
        parent = self.entities[group].part_of
        return self.population(parent) if parent and self.kind(parent) == "group" else None

    def partitions(self) -> set[str]:
        """Every partition label a group of the registry belongs to."""
        return {e.partition_label for e in self.entities.values() if e.kind == "group" and e.partition_label}

    def is_misspelling(self, mention: str, entity_id: str) -> bool:
        """True when `mention` is listed for the entity as a curated misspelling."""
        result = self.resolve(mention)
        return result.misspelling and result.entity_id == entity_id


def load_registry(project: Project, report: Report) -> Registry:
    """Read seeds/registry.yaml; report malformed entries, duplicate ids, clashing aliases and cycles."""
    display = project.rel(project.registry)
    registry = Registry()
    if outside_project(project, project.registry, report):
        return registry
    doc = load_yaml(project.registry, report, display)
    if not isinstance(doc, dict):
        if doc is not None:
            report.add("invalid-registry", "registry must be a mapping of sections", file=display, line=1)
        return registry
    report_duplicate_keys(doc, report, display)
    for section, items in doc.items():
        if section not in SECTIONS:
            report.add("unknown-section", f"unknown registry section '{section}'", file=display,
                       line=doc.line_of(section), hint=nearest_hint(str(section), SECTIONS))
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            report.add("invalid-registry", f"section '{section}' must be a list of entries", file=display,
                       line=doc.line_of(section), field=str(section))
            continue
        for raw in items:
            _add_entity(registry, SECTIONS[section], raw, report, display, doc.line_of(section))
    _check_references(registry, report, display)
    return registry


def _add_entity(registry: Registry, kind: str, raw, report: Report, display: str, section_line: int) -> None:
    if not isinstance(raw, LineDict):
        report.add("invalid-entity", f"each entry must be a mapping with an id and a name, got {short(raw, 60)}",
                   file=display, line=section_line)
        return
    report_duplicate_keys(raw, report, display)
    report_unknown_keys(raw, _ALLOWED, report, display)
    problems = [key for key in ("id", "name") if not isinstance(raw.get(key), str) or not raw.get(key).strip()]
    problems += [key for key in _TEXT_FIELDS if raw.get(key) is not None and not isinstance(raw.get(key), str)]
    if raw.get("root") is not None and (raw["root"] is not True or kind != "group"):
        problems.append("root")
    for key in problems:
        report.add("invalid-field" if key in raw else "missing-field",
                   ("`root: true` marks one group: the population of counts that name none" if key == "root" else
                    f"'{key}' must be text") if key in raw else f"required field '{key}' is missing",
                   file=display, line=raw.line_of(key), field=key, value=short(raw.get(key)) if key in raw else None)
    if problems or not check_texts(raw, report, display, _FREE_TEXT):
        return
    entity_id = raw["id"]
    if entity_id in registry.entities:
        first = registry.entities[entity_id].line
        report.add("duplicate-id", f"entity id '{entity_id}' is defined twice (first at line {first})",
                   file=display, line=raw.line, field="id", value=entity_id)
        return
    aliases = _names(raw, "aliases", report, display)
    misspellings = _names(raw, "misspellings", report, display)
    entity = Entity(
        id=entity_id, kind=kind, name=raw["name"], aliases=aliases, misspellings=misspellings,
        part_of=raw.get("part_of"),
        place_kind=raw.get("kind"), country=raw.get("country"), nationality=raw.get("nationality"),
        notes=raw.get("notes"), line=raw.line, root=raw.get("root") is True, partition=raw.get("partition"),
    )
    registry.entities[entity_id] = entity
    registry._misspelled.update(normalize(m) for m in entity.misspellings)
    for spelling in (entity.name, *entity.aliases, *entity.misspellings):
        key = normalize(spelling)
        owner = registry._index.setdefault(key, entity_id)
        if owner != entity_id:
            report.add("ambiguous-alias", f"'{spelling}' is a name of both '{owner}' and '{entity_id}'",
                       file=display, line=raw.line_of("aliases"), field="aliases", value=spelling,
                       hint="a spelling may name one entity only; qualify it (e.g. with a first name)")


def _names(raw: LineDict, key: str, report: Report, display: str) -> tuple[str, ...]:
    names = raw.get(key) or []
    if not isinstance(names, list) or not all(isinstance(a, str) for a in names):
        report.add("invalid-field", f"{key} must be a list of strings", file=display, line=raw.line_of(key), field=key,
                   value=short(names))
        return ()
    return tuple(names)


def _check_references(registry: Registry, report: Report, display: str) -> None:
    for entity in registry.entities.values():
        for field_name in ("part_of", "country", "nationality"):
            target = getattr(entity, field_name)
            if target and target not in registry.entities:
                report.add("dangling-reference", f"{entity.id}: {field_name} '{target}' is not in the registry",
                           file=display, line=entity.line, field=field_name, value=target,
                           hint=nearest_hint(target, registry.entities))
    roots = [e for e in registry.entities.values() if e.root]
    for extra in roots[1:]:
        report.add("invalid-field", f"{extra.id}: only one group can be the root population ({roots[0].id} is)",
                   file=display, line=extra.line, field="root")
    for entity in roots[:1]:
        if entity.part_of:
            report.add("invalid-field", f"{entity.id}: the root population is part of no other group",
                       file=display, line=entity.line, field="part_of")
    for cycle in _part_of_cycles(registry):
        first = registry.entities[cycle[0]]
        path = " -> ".join([*cycle, cycle[0]])
        report.add("cyclic-hierarchy", f"part_of forms a cycle: {path}", file=display, line=first.line,
                   field="part_of", value=first.part_of, hint="a hierarchy must end at an entity that is part of nothing")


def _part_of_cycles(registry: Registry) -> list[list[str]]:
    """Every cycle of part_of links (an entity part of itself included), each once, in a stable order."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    cycles = []
    for start in sorted(registry.entities):
        path, node = [], start
        while node in registry.entities and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = registry.entities[node].part_of
        if node in registry.entities and state.get(node) == 1:
            cycles.append(path[path.index(node):])
        for visited in path:
            state[visited] = 2
    return cycles
