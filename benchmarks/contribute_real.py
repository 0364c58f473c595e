"""Contribute the real articles in the dataset's scope, as a contributor would, in a scratch clone.

The articles of the real corpus (benchmarks/real/, see real_corpus.py) listed in
benchmarks/real/in-scope.yaml are about the releases this dataset covers. Each is added to a fresh
clone of this repository with its reviewed claims (the ledger, quotes restored from the text), the
registry entries the ledger says it needs (merged with what the registry has: a new spelling of a
known entity becomes an alias of it) and its manifest entry. Then, as CONTRIBUTING.md has a
contributor do: `prisoner-data validate`, `prisoner-data build`, `prisoner-data conflicts`, and the
tests that can see the dataset (`pytest -m live`: conftest fails any other test that reads it, so
those are the ones a contribution can turn red). Printed: each step's outcome and time, the conflicts
the real articles open by kind and severity, and the curator's queue.

    .venv/bin/python benchmarks/contribute_real.py [--keep DIR] [--corpus DIR]

`--corpus DIR` contributes another corpus of the same layout (DIR/ledgers, DIR/texts, DIR/in-scope.yaml).

Exit status 0 when every step is green.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_corpus  # noqa: E402
from real_corpus import load  # noqa: E402

SECTIONS = ("people", "organisations", "places", "groups", "releases", "sanctions")
ENTRY_KEYS = {"id", "name", "aliases", "misspellings", "notes", "kind", "part_of", "country", "root", "nationality",
              "partition"}
CLAIM_KEYS = ("id", "subject", "property", "value", "qualifier", "scope", "population", "breakdown", "as_of",
              "attributed_to", "quote", "note")


class Indented(yaml.SafeDumper):
    """Lists indented under their key, as the seeds write them (so a later `extract --manifest`, which
    appends its entry as text, lands in the list)."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def dump(data) -> str:
    return yaml.dump(data, Dumper=Indented, allow_unicode=True, sort_keys=False, width=10_000)


def in_scope() -> list[str]:
    return real_corpus.id_list("in-scope.yaml")


def merge_registry(registry: dict, additions: dict) -> list[str]:
    """The ledger's entries into the registry: new ids appended, known ids given the new spellings (aliases
    as aliases, misspellings as misspellings). A new id spelled as another id already is, or a new spelling of a
    known id that already names another (two ledgers naming the same name two ways; spellings compared as validate
    compares them, across every section) is not added: whether they are one entity is a curator's call, never
    guessed here; what is said of it is then refused by validate and left out. Returns those refusals."""
    from toolkit.ingest.entities import normalize

    owners = {normalize(spelling): entry["id"] for section in SECTIONS for entry in registry.get(section) or []
              for spelling in _spellings(entry)}
    refused = []
    for section in SECTIONS:
        entries = registry.setdefault(section, [])
        by_id = {entry["id"]: entry for entry in entries}
        for entry in additions.get(section) or []:
            entry = {k: v for k, v in entry.items() if k in ENTRY_KEYS}
            known = by_id.get(entry["id"])
            if known is None:
                clash = next(((owners[normalize(s)], s) for s in _spellings(entry) if normalize(s) in owners), None)
                if clash:
                    refused.append(f"{section} {entry['id']!r}: {clash[1]!r} already names {clash[0]!r}")
                    continue
                entries.append(entry)
                by_id[entry["id"]] = entry
                owners.update((normalize(s), entry["id"]) for s in _spellings(entry))
                continue
            for key, spellings in (("aliases", [entry.get("name"), *(entry.get("aliases") or [])]),
                                   ("misspellings", entry.get("misspellings") or [])):
                new = []
                for spelling in dict.fromkeys(s for s in spellings if s):
                    owner = owners.setdefault(normalize(spelling), known["id"])
                    if owner == known["id"] and spelling not in _spellings(known):
                        new.append(spelling)
                    elif owner != known["id"]:
                        refused.append(f"{section} {known['id']!r}: {spelling!r} already names {owner!r}")
                if new:
                    known[key] = list(known.get(key) or []) + new
    return refused


def _spellings(entry: dict) -> list[str]:
    """An entry's name, aliases and misspellings."""
    return [s for s in (entry.get("name"), *(entry.get("aliases") or []), *(entry.get("misspellings") or [])) if s]


def contribute(clone: Path, ids: list[str]) -> list[str]:
    """Each article, its claims and its registry entries into the clone; the registry entries not added."""
    seeds = clone / "seeds"
    refused = []
    registry = yaml.safe_load((seeds / "registry.yaml").read_text(encoding="utf-8"))
    manifest = yaml.safe_load((seeds / "manifest.yaml").read_text(encoding="utf-8"))
    taken = {c["id"] for path in (seeds / "claims").glob("*.yaml")
             for c in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("claims") or []}
    for article_id in ids:
        ledger, text = load(real_corpus.LEDGERS / f"{article_id}.yaml")
        if text is None:
            raise SystemExit(f"{article_id}: text missing or changed; run benchmarks/real_corpus.py check")
        data = text.encode("utf-8")
        (seeds / "articles" / f"{article_id}.txt").write_bytes(data)
        published = ledger.get("published")
        manifest["sources"].append({
            "id": article_id, "path": f"articles/{article_id}.txt", "outlet": ledger["outlet"], "outlet_inferred": False,
            "title": None, "published": str(published) if published else str(article_id.rsplit("-", 3)[1]),
            "published_precision": ledger.get("published_precision") if published else "year",
            "published_inferred": not published, "language": "en", "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "url": ledger["url"],
            "note": "A real article, contributed by benchmarks/contribute_real.py with its reviewed ledger."})
        refused += [f"{article_id}: {line}" for line in merge_registry(registry, ledger.get("registry") or {})]
        claims = renumbered(article_id, [{k: c[k] for k in CLAIM_KEYS if k in c} for c in ledger.get("claims") or []],
                            taken)
        taken |= {c["id"] for c in claims}
        skipped = [{"quote": s["quote"], "reason": s.get("reason") or "not a claim"} for s in ledger.get("skipped") or []]
        write_claims(seeds / "claims" / f"{article_id}.yaml", article_id, claims, skipped)
    (seeds / "registry.yaml").write_text(dump(registry), encoding="utf-8")
    (seeds / "manifest.yaml").write_text(dump(manifest), encoding="utf-8")
    return refused


def renumbered(article_id: str, claims: list[dict], taken: set[str]) -> list[dict]:
    """The ledger's claims, with ids of a prefix no claims file of the clone uses when any of its own ids is taken:
    what a contributor does when validate says an id is already used (extract's choice of prefix)."""
    from toolkit.contribute.extract.render import claim_prefix

    if not {c["id"] for c in claims} & taken:
        return claims
    prefix = claim_prefix(article_id, taken)
    return [{**c, "id": f"{prefix}-{n:03d}"} for n, c in enumerate(claims, 1)]


def write_claims(path: Path, source: str, claims: list[dict], skipped: list[dict]) -> None:
    """A claims file with one claim to a line (line n + 3 is claim n), so validate's lines name claims."""
    def line(entry: dict) -> str:
        return "  - " + yaml.safe_dump(entry, allow_unicode=True, default_flow_style=True, width=float("inf")).strip()

    text = f"source: {source}\nclaims:\n" + "".join(line(c) + "\n" for c in claims)
    if skipped:
        text += "skipped:\n" + "".join(line(s) + "\n" for s in skipped)
    path.write_text(text, encoding="utf-8")


def drop_refused(clone: Path, tool: list[str], ids: list[str]) -> list[str]:
    """What a contributor does when validate refuses a claim of theirs that they cannot fix from the
    article: leave it out. The claims of the contributed articles (`ids`) that validate names with an error,
    each dropped and listed; the project's own claims are never touched."""
    import json

    done = subprocess.run([*tool, "validate", "--format", "json"], cwd=clone, capture_output=True, text=True)
    issues = json.loads(done.stdout or "{}").get("issues", []) if done.stdout.strip().startswith("{") else []
    refused: dict[Path, set[int]] = {}
    dropped = []
    for issue in issues:
        if issue.get("severity") == "error" and issue.get("line") and \
                str(issue.get("file", "")) in {f"seeds/claims/{article_id}.yaml" for article_id in ids}:
            refused.setdefault(clone / issue["file"], set()).add(issue["line"])
            dropped.append(f"{issue['file']}:{issue['line']}: {issue['message']}")
    for path, lines in refused.items():
        body = yaml.safe_load(path.read_text(encoding="utf-8"))
        claims = [c for n, c in enumerate(body["claims"]) if n + 3 not in lines]
        write_claims(path, body["source"], claims, body.get("skipped") or [])
    return dropped


def step(name: str, command: list[str], clone: Path) -> bool:
    began = time.perf_counter()
    done = subprocess.run(command, cwd=clone, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    verdict = "green" if done.returncode == 0 else f"RED (exit {done.returncode})"
    print(f"  {name:<34} {verdict:<16} {seconds:6.1f} s")
    if done.returncode != 0:
        shown = (done.stdout + done.stderr).strip().splitlines()
        print("\n".join("      " + line for line in shown[-40:]))
    return done.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="leave the clone here (it must not exist)")
    parser.add_argument("--corpus", type=Path, help="a corpus folder (ledgers/, texts/, in-scope.yaml); default benchmarks/real")
    args = parser.parse_args()
    if args.corpus:
        real_corpus.use(args.corpus)
    ids = in_scope()
    scratch = Path(tempfile.mkdtemp(prefix="contribute-real-"))
    clone = args.keep or scratch / "clone"
    try:
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        (clone / ".venv").symlink_to(ROOT / ".venv")
        unregistered = contribute(clone, ids)
        tool = [str(ROOT / ".venv" / "bin" / "python"), "-m", "toolkit"]
        print(f"{len(ids)} real articles contributed to a clone of {ROOT.name} ({clone})")
        print(f"registry entries left for a curator (spelled as another entity already is): {len(unregistered)}")
        print("".join(f"  {line}\n" for line in unregistered), end="")
        dropped = drop_refused(clone, tool, ids)
        print(f"claims validate refused, left out as a contributor would: {len(dropped)}")
        print("".join(f"  {line}\n" for line in dropped), end="")
        green = [
            step("prisoner-data validate", [*tool, "validate"], clone),
            step("prisoner-data build", [*tool, "build"], clone),
            step("prisoner-data conflicts", [*tool, "conflicts", "--format", "json"], clone),
            step("pytest -m live", [str(ROOT / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "-m", "live",
                                    "-p", "no:cacheprovider", "-n", "2"], clone),
        ]
        conflicts = clone / "datapackage" / "data" / "conflicts.csv"
        if conflicts.is_file():
            rows = list(csv.DictReader(conflicts.open(encoding="utf-8")))
            mine = [r for r in rows if set(ids) & set((r.get("source_ids") or "").split("|"))]
            kinds = Counter((r["kind"], r["severity"], r["status"]) for r in mine)
            print(f"\nconflicts the real articles take part in: {len(mine)} of {len(rows)}")
            for (kind, severity, status), count in sorted(kinds.items()):
                print(f"  {kind:<28} {severity:<8} {status:<22} {count}")
            queue = subprocess.run([*tool, "conflicts", "--needs-review"], cwd=clone, capture_output=True, text=True)
            print(f"\ncurator's queue (exit {queue.returncode}):")
            print("\n".join("  " + line for line in queue.stdout.strip().splitlines()[:40]))
        print(f"\nall steps green: {all(green)}")
        sys.exit(0 if all(green) else 1)
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
