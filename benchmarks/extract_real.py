"""Measure `prisoner-data extract` on real published articles, against ledgers written before it ran.

The corpus is `benchmarks/real/` (see real_corpus.py: ledgers committed, texts restored from the
search tool). Each article is drafted the way a contributor's checkout would draft it: the
repository's registry with the entries the ledger says the article needs, the project's claims
as known claims, and the article's publication date. Drafts and ledger claims are reduced to
(subject, property, value with qualifier, population, scope), as in extract_coverage.py, and
compared:

- per article and pooled: precision (drafted claims the ledger has) and recall (ledger claims
  drafted), for structured claims (counts, dates, entities) and, apart, for free text;
- per property (kind of fact);
- per class of failure: a drafted claim the ledger has with another subject, value, qualifier,
  or population/scope; or nothing like it in the ledger; a ledger claim nothing drafted;
- people drafted as freed (`released_in`) whom the ledger does not free, by name; apart from them, people drafted as
  freed under a spelling the registry does not know whose probable variant, which the draft offers beside its new
  person and never merges, is a person the ledger frees ("Siarhiej" beside the registry's "Siarhei").

Articles listed in benchmarks/real/heldout.yaml are held out from tuning: reported apart, and
never listed claim by claim. `--corpus DIR` measures another corpus of the same layout (DIR/ledgers,
DIR/texts, DIR/heldout.yaml), such as the articles the maintainers hold out of this repository.

    .venv/bin/python benchmarks/extract_real.py [--verbose] [--only ID ...] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_coverage import TEXT, Score, claim_key, draft_key, load_project, properties  # noqa: E402
import real_corpus  # noqa: E402
from real_corpus import ledger_paths, load  # noqa: E402

FREED = "released_in"
SECTIONS = ("people", "organisations", "places", "groups", "releases", "sanctions")
CLAIM_KEYS = ("id", "subject", "property", "value", "qualifier", "scope", "population", "breakdown", "as_of",
              "quote", "note")
"""What a ledger claim keeps in the scratch project (who it is attributed to is not measured)."""
ENTRY_KEYS = {"id", "name", "aliases", "misspellings", "notes", "kind", "part_of", "country", "root", "nationality",
              "partition"}


def assemble(ledger: dict, text: str, root: Path) -> Path:
    """A project of one real article: the repository's schemas and registry with the ledger's entries."""
    shutil.copytree(ROOT / "schemas", root / "schemas")
    (root / "seeds" / "articles").mkdir(parents=True)
    (root / "seeds" / "claims").mkdir()
    registry = yaml.safe_load((ROOT / "seeds" / "registry.yaml").read_text(encoding="utf-8"))
    for section in SECTIONS:
        known = {entry["id"]: entry for entry in registry.get(section) or []}
        for entry in (ledger.get("registry") or {}).get(section) or []:
            if entry.get("id") not in known:
                registry.setdefault(section, []).append({k: v for k, v in entry.items() if k in ENTRY_KEYS})
                continue
            # an entry the registry has: the ledger adds the spellings this article uses ("Already in the base
            # registry; this article adds ..."), as the contributor would
            base = known[entry["id"]]
            for key in ("aliases", "misspellings"):
                added = [a for a in entry.get(key) or [] if a not in (base.get(key) or []) and a != base.get("name")]
                if added:
                    base[key] = list(base.get(key) or []) + added
    (root / "seeds" / "registry.yaml").write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    name = f"{ledger['id']}.txt"
    data = text.encode("utf-8")
    (root / "seeds" / "articles" / name).write_bytes(data)
    import hashlib

    published = ledger.get("published")
    # an undated page: the year of the event its id is named after, as a contributor would infer it
    year = str(published or ledger["id"].rsplit("-", 3)[1])
    entry = {"id": ledger["id"], "path": f"articles/{name}", "outlet": ledger.get("outlet") or "unknown",
             "outlet_inferred": False, "title": None, "published": year if published else year[:4],
             "published_precision": ledger.get("published_precision") if published else "year",
             "published_inferred": not published, "language": "en", "bytes": len(data),
             "sha256": hashlib.sha256(data).hexdigest(), "url": ledger.get("url")}
    (root / "seeds" / "manifest.yaml").write_text(yaml.safe_dump({"sources": [entry]}, allow_unicode=True),
                                                  encoding="utf-8")
    claims = [{k: c[k] for k in CLAIM_KEYS if k in c} for c in ledger.get("claims") or []]
    (root / "seeds" / "claims" / f"{ledger['id']}.yaml").write_text(
        yaml.safe_dump({"source": ledger["id"], "claims": claims}, allow_unicode=True, width=10_000), encoding="utf-8")
    return root


def measure(path: Path, known_claims) -> dict | None:
    from toolkit.contribute.extract import draft_article

    ledger, text = load(path)
    if text is None:
        print(f"  {ledger['id']}: text missing or changed (python benchmarks/real_corpus.py check)")
        return None
    with tempfile.TemporaryDirectory() as scratch:
        root = assemble(ledger, text, Path(scratch) / "project")
        try:
            sources, registry, vocabulary, loaded = load_project(root)
        except SystemExit as problem:
            print(f"  {ledger['id']}: the ledger does not load: {problem}")
            return None
        [(source_id, source)] = sources.items()
        published = None if ledger.get("published") is None else source.entry.published
        year = int(str(source.entry.published)[:4])  # `extract --year` for an undated page
        drafted = draft_article(source.text, registry, properties(vocabulary), known_claims=known_claims,
                                published=published, year=year)
    structured, free = Score(), Score()
    where = {}
    for claim in loaded.claims:
        key = claim_key(claim, registry)
        (free if vocabulary[claim.property].type in TEXT else structured).ledger.add(key)
    for draft in drafted.drafts:
        key = draft_key(draft, registry)
        where[key] = draft
        text_kind = draft.property in vocabulary and vocabulary[draft.property].type in TEXT
        (free if text_kind else structured).drafted.add(key)
    freed = {c.subject for c in loaded.claims if c.property == FREED}
    unfreed = [d for d in drafted.drafts if d.property == FREED and registry.resolve(str(d.subject)).entity_id not in freed]
    # a new spelling whose probable variant, offered beside the draft and never merged, is a person the ledger frees
    variants = [d for d in unfreed if d.subject not in registry and registry.resolve(str(d.subject)).candidate in freed]
    wrongly_freed = sorted({d.subject if d.subject in registry else str(d.quote) for d in unfreed if d not in variants})
    return {"id": ledger["id"], "outlet": ledger.get("outlet"), "shape": ledger.get("shape"), "structured": structured,
            "text": free, "wrongly_freed": wrongly_freed, "drafts": where,
            "variants": sorted({f"{d.quote} (offered: {registry.resolve(str(d.subject)).candidate})" for d in variants})}


def failure(key: tuple, others: set) -> str:
    """What is wrong with a drafted key (or missing from the draft), by the nearest key on the other side."""
    subject, prop, value, population, scope = key
    for other in others:
        if other[1] != prop:
            continue
        if other[0] != subject and other[2:] == key[2:]:
            return "other subject"
        if other[0] == subject and other[3:] == key[3:] and other[2].split()[-1:] == value.split()[-1:]:
            return "other qualifier"
        if other[0] == subject and other[2] == value:
            return "other population or scope"
    for other in others:
        if other[1] == prop and other[0] == subject:
            return "other value"
    return "nothing like it"


def held_out() -> set[str]:
    return set(real_corpus.id_list("heldout.yaml"))


def pool(rows: list[dict], label: str, kind: str = "structured") -> Score:
    total = Score()
    for row in rows:
        total.drafted |= {(row["id"], *k) for k in row[kind].drafted}
        total.ledger |= {(row["id"], *k) for k in row[kind].ledger}
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every false draft and every miss")
    parser.add_argument("--only", nargs="*", help="article ids to measure")
    parser.add_argument("--corpus", type=Path, help="a corpus folder (ledgers/, texts/, heldout.yaml); default benchmarks/real")
    args = parser.parse_args()
    if args.corpus:
        real_corpus.use(args.corpus)
    paths = ledger_paths()
    unknown = sorted(set(args.only or ()) - {path.stem for path in paths})
    if unknown:  # a typo or a comma-joined list would otherwise measure nothing and print zeros
        parser.error(f"no ledger for {', '.join(unknown)} (ids are separated by spaces)")
    _, _, _, ledger = load_project(ROOT)
    rows = []
    for path in paths:
        if args.only and path.stem not in args.only:
            continue
        result = measure(path, ledger.claims)
        if result is not None:
            rows.append(result)
    print(f"\n{'article':<34} {'outlet':<28} {'precision':>9} {'recall':>7}  kept/drafted/ledger  text p/r   freed wrongly")
    pooled, pooled_text = Score(), Score()
    by_property: dict[str, Score] = defaultdict(Score)
    classes: Counter = Counter()
    wrongly, variants = [], []
    hidden = held_out()
    for row in rows:
        s, t = row["structured"], row["text"]
        verbose = args.verbose and row["id"] not in hidden
        print(f"{row['id'] + (' (held out)' if row['id'] in hidden else ''):<34} {str(row['outlet'])[:28]:<28} {s.precision:9.2f} {s.recall:7.2f}  "
              f"{s.hits:>4}/{len(s.drafted):>3}/{len(s.ledger):<3}       {t.precision:4.2f}/{t.recall:4.2f}   "
              f"{len(row['wrongly_freed'])}")
        pooled.drafted |= {(row["id"], *k) for k in s.drafted}
        pooled.ledger |= {(row["id"], *k) for k in s.ledger}
        pooled_text.drafted |= {(row["id"], *k) for k in t.drafted}
        pooled_text.ledger |= {(row["id"], *k) for k in t.ledger}
        for key in s.drafted | s.ledger:  # keyed with the article: one fact in two articles is two claims
            score = by_property[key[1]]
            if key in s.drafted:
                score.drafted.add((row["id"], *key))
            if key in s.ledger:
                score.ledger.add((row["id"], *key))
        for key in sorted(s.drafted - s.ledger, key=repr):  # in one order every run (--verbose is diffed)
            classes["false draft: " + failure(key, s.ledger)] += 1
            if verbose:
                draft = row["drafts"].get(key)
                print(f"    + {key}  [{getattr(draft, 'rule', '')}] {getattr(draft, 'quote', '')!r}")
        for key in sorted(s.ledger - s.drafted, key=repr):
            classes["missed: " + failure(key, s.drafted)] += 1
            if verbose:
                print(f"    - {key}")
        wrongly += [(row["id"] + " (held out)", "a person (held-out articles are not listed claim by claim)")
                    if row["id"] in hidden else (row["id"], name) for name in row["wrongly_freed"]]
        variants += [(row["id"] + " (held out)", "a person") if row["id"] in hidden else (row["id"], name)
                     for name in row["variants"]]
    print(f"{'pooled':<34} {len(rows):>3} articles, {len({r['outlet'] for r in rows})} outlets{'':<4}"
          f"{pooled.precision:9.2f} {pooled.recall:7.2f}  {pooled.hits:>4}/{len(pooled.drafted):>3}/{len(pooled.ledger):<3}"
          f"       {pooled_text.precision:4.2f}/{pooled_text.recall:4.2f}   {len(wrongly)}")
    for label, chosen in (("tuned on", [r for r in rows if r["id"] not in hidden]),
                          ("held out", [r for r in rows if r["id"] in hidden])):
        score, text = pool(chosen, label), pool(chosen, label, "text")
        print(f"{label:<34} {len(chosen):>3} articles{'':<19}{score.precision:9.2f} {score.recall:7.2f}  "
              f"{score.hits:>4}/{len(score.drafted):>3}/{len(score.ledger):<3}       {text.precision:4.2f}/{text.recall:4.2f}")
    print("\nper property (kind of fact)      precision recall  kept/drafted/ledger")
    for prop, score in sorted(by_property.items(), key=lambda item: (-len(item[1].ledger), item[0])):
        print(f"  {prop:<30} {score.precision:9.2f} {score.recall:6.2f}  {score.hits}/{len(score.drafted)}/{len(score.ledger)}")
    print("\nper class of failure")
    for name, count in classes.most_common():
        print(f"  {name:<44} {count}")
    print(f"\npeople drafted as freed whom the ledger does not free: {len(wrongly)}")
    for article, name in wrongly:
        print(f"  {article}: {name}")
    print("\npeople drafted as freed under a spelling the registry does not know, the ledger's freed person offered as its "
          f"probable variant (never merged; counted apart from the above): {len(variants)}")
    for article, name in variants:
        print(f"  {article}: {name}")


if __name__ == "__main__":
    main()
