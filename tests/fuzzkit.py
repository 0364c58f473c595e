"""Structural mutations of the project's input files, and the one question asked of each: did the
toolkit answer with success or a clean, located error, or did it crash?

Shared by tests/test_fuzz.py (hypothesis, fixed seed, bounded) and benchmarks/fuzz_inputs.py
(longer runs that report what they found).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import traceback
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PROJECT = ROOT / "tests" / "fixtures" / "project"
"""The suite's own project: what is mutated (the live seeds grow; a fuzz run must mean the same each time)."""
YAML_FILES = ["seeds/manifest.yaml", "seeds/registry.yaml", "seeds/decisions.yaml",
              "seeds/claims/fixture-daily-2025-12.yaml", "seeds/claims/fixture-herald-2025-12-14.yaml",
              "schemas/properties.yaml", "schemas/package.yaml"]
JSON_FILES = ["schemas/releases.schema.json", "schemas/claims.schema.json", "schemas/expectations.json"]
VALUES = [None, 0, -1, 10 ** 20, 3.5, True, "", " ", "x", "TODO", "../../outside", "/etc/passwd", "a\x00b",
          "2025-13-45", "2025-00", "9999-12-31", "=cmd()", "a" * 300, [], {}, [1, "a"], {"a": 1},
          {"id": "x", "name": "y"}, [[[]]], "release-fx-december", "belarus", "released_count", "2025-12",
          "more_than", "Dumy", "Fiktsiona"]
KINDS = ("delete", "replace", "rename", "add", "duplicate", "wrap", "retype", "swap")


def copy_project(dest: Path) -> Path:
    """The suite's own seeds beside the repository's schemas, at `dest`."""
    shutil.copytree(FIXTURE_PROJECT / "seeds", dest / "seeds")
    shutil.copytree(ROOT / "schemas", dest / "schemas")
    return dest


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


def _get(node, path):
    for step in path:
        node = node[step]
    return node


def mutate(doc, rng: random.Random) -> str:
    """Change one node of `doc` in place; return a description of the change."""
    paths = [p for p in _paths(doc) if p]
    if not paths:
        return "nothing to mutate"
    path = rng.choice(paths)
    parent, key = _get(doc, path[:-1]), path[-1]
    kind = rng.choice(KINDS)
    value = rng.choice(VALUES)
    if kind == "delete":
        del parent[key]
    elif kind in ("replace", "retype"):
        parent[key] = value if kind == "replace" else _retype(parent[key])
    elif kind == "rename" and isinstance(parent, dict):
        parent[str(key)[:-1] or "k"] = parent.pop(key)
    elif kind == "add":
        target = _get(doc, path) if isinstance(_get(doc, path), (dict, list)) else parent
        if isinstance(target, dict):
            target[rng.choice(["extra", "id", "name", "value", "note", "part_of", "scope"])] = value
        else:
            target.append(value)
    elif kind == "duplicate" and isinstance(parent, list):
        parent.insert(key, json.loads(json.dumps(parent[key], default=str)))
    elif kind == "wrap":
        parent[key] = [parent[key]]
    elif kind == "swap" and isinstance(parent, list) and len(parent) > 1:
        other = rng.randrange(len(parent))
        parent[key], parent[other] = parent[other], parent[key]
    return f"{kind} at {'/'.join(map(str, path))} ({value!r:.40})"


def _retype(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, (int, float)):
        return str(value) + "x"
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    if isinstance(value, dict):
        return list(value.values())
    return "text"


def mutate_file(root: Path, name: str, rng: random.Random) -> str:
    """Mutate one input file structurally (or, one time in eight, textually)."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    try:
        doc = json.loads(text) if name.endswith(".json") else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError):
        doc = None  # an earlier mutation broke the syntax: mutate the text further
    if doc is None or rng.random() < 0.125:
        if not text:
            return f"{name} left empty"
        cut = rng.randrange(len(text))
        choice = rng.choice(["truncate", "splice", "indent"])
        if choice == "truncate":
            path.write_text(text[:cut], encoding="utf-8")
        elif choice == "splice":
            path.write_text(text[:cut] + rng.choice(["\t", ": :", "{", "[", "&a", "*a", "'", '"', "- "]) + text[cut:],
                            encoding="utf-8")
        else:
            lines = text.splitlines()
            at = rng.randrange(len(lines))
            lines[at] = " " + lines[at]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return f"{choice} {name} at {cut}"
    change = mutate(doc, rng)
    if name.endswith(".json"):
        path.write_text(json.dumps(doc, indent=2, default=str), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10 ** 6), encoding="utf-8")
    return f"{name}: {change}"


@dataclass
class Outcome:
    kind: str  # ok | error | unlocated | crash
    detail: str = ""


def run_pipeline(root: Path, package: bool = False) -> Outcome:
    """Compile the project (and, if asked, write and validate its package) the way build and validate do."""
    return _pipeline(root, package)[0]


def _pipeline(root: Path, package: bool = False):
    """(the outcome, the report when there was one)."""
    from toolkit.errors import ToolkitError
    from toolkit.ingest.schemas import load_contract
    from toolkit.pipeline import compile_dataset
    from toolkit.project import open_project
    from toolkit.publish.package import write_package
    from toolkit.report import Report

    report = Report()
    try:
        project = open_project(root)
        contract = load_contract(project, report)
        compiled = compile_dataset(project, report)
        if package and compiled is not None and contract is not None and report.valid:
            from toolkit.validate.package import validate_package

            out = root / "out"
            write_package(out, compiled, contract, project.schemas / "expectations.json")
            report.extend(validate_package(out / "datapackage.json").issues)
    except ToolkitError as exc:
        return Outcome("error", str(exc).splitlines()[0]), None
    except Exception as exc:  # noqa: BLE001 - a crash is what the fuzzer looks for
        return Outcome("crash", signature(exc)), None
    unlocated = [i for i in report.errors if not i.file or i.line is None and i.file.endswith((".yaml", ".json"))
                 and not i.file.startswith(("out/", "data/"))]
    if unlocated:
        first = unlocated[0]
        return Outcome("unlocated", f"{first.type}: {first.message[:120]} ({first.file})"), report
    return Outcome("error" if report.errors else "ok", report.errors[0].type if report.errors else ""), report


def signature(exc: Exception) -> str:
    """Exception type and the innermost toolkit frame: one signature per distinct bug."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/toolkit/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "outside toolkit"
    return f"{type(exc).__name__} at {where}"


# --- packages and releases ------------------------------------------------------------------------

PACKAGE_FILES = ["datapackage.json", "data/releases.csv", "data/people.csv", "data/claims.csv",
                 "data/conflicts.csv", "data/people.parquet", "expectations.json"]


def mutate_package_file(package: Path, name: str, rng: random.Random) -> str:
    """Mutate a built package: its descriptor structurally, a CSV as text, a Parquet file as bytes."""
    path = package / name
    path.chmod(0o644)
    if name.endswith(".parquet"):
        data = bytearray(path.read_bytes())
        cut = rng.randrange(len(data))
        if rng.random() < 0.5:
            data = data[:cut]
        else:
            data[cut] = rng.randrange(256)
        path.write_bytes(bytes(data))
        return f"{name}: bytes changed at {cut}"
    if name.endswith(".csv"):
        lines = path.read_text(encoding="utf-8").split("\n")
        at = rng.randrange(len(lines))
        choice = rng.choice(["drop", "dup", "cell", "quote", "nul", "columns"])
        if choice == "drop":
            del lines[at]
        elif choice == "dup":
            lines.insert(at, lines[at])
        elif choice == "cell":
            cells = lines[at].split(",")
            cells[rng.randrange(len(cells))] = str(rng.choice(VALUES))
            lines[at] = ",".join(cells)
        elif choice == "quote":
            lines[at] = '"' + lines[at]
        elif choice == "nul":
            lines[at] = lines[at] + "\x00"
        else:
            lines[at] = lines[at] + ",extra"
        path.write_text("\n".join(lines), encoding="utf-8")
        return f"{name}: {choice} at line {at + 1}"
    text = path.read_text(encoding="utf-8")
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    if doc is None or rng.random() < 0.1:
        cut = rng.randrange(max(1, len(text)))
        path.write_text(text[:cut] + rng.choice(["", "{", "]", '"', "\\"]) + text[cut + 1:], encoding="utf-8")
        return f"{name}: text changed at {cut}"
    change = mutate(doc, rng)
    path.write_text(json.dumps(doc, indent=2, default=str), encoding="utf-8")
    return f"{name}: {change}"


def run_validate(package: Path) -> Outcome:
    """`validate PACKAGE` in process: success, a located report, or a crash."""
    from toolkit.errors import ToolkitError
    from toolkit.pipeline import validate_path

    try:
        report = validate_path(package)
    except ToolkitError as exc:
        return Outcome("error", str(exc).splitlines()[0])
    except Exception as exc:  # noqa: BLE001
        return Outcome("crash", signature(exc))
    unlocated = [i for i in report.errors if not i.file]
    if unlocated:
        return Outcome("unlocated", f"{unlocated[0].type}: {unlocated[0].message[:120]}")
    return Outcome("error" if report.errors else "ok", report.errors[0].type if report.errors else "")


def run_download(source: str, target: Path, cache: Path) -> Outcome:
    """`download SOURCE --to TARGET` in process; a refusal must leave nothing behind."""
    import os

    from toolkit.errors import ToolkitError
    from toolkit.pipeline import download_release

    os.environ["PRISONER_DATA_CACHE"] = str(cache)
    try:
        download_release(source, to=target, timeout=20)
        outcome = Outcome("ok")
    except ToolkitError as exc:
        outcome = Outcome("error", str(exc).splitlines()[0])
        if target.exists() or any(p.name.startswith(f".{target.name}.") for p in target.parent.iterdir()):
            outcome = Outcome("crash", "a refused download left files behind")
    except Exception as exc:  # noqa: BLE001
        outcome = Outcome("crash", signature(exc))
    return outcome


# --- hostile values: numbers too long to read, NUL bytes and control characters --------------------------

HOSTILE_JSON = ["9" * 5000, "-" + "9" * 4400, "1e400", "-1e400", '"a\\u0000b"', '"a\\u001bb"', '"a\\u007fb"',
                '"\\ud800"', '"a\\u202eb"', '"' + "x" * 100_000 + '"', "1" + "0" * 30]
"""Raw JSON texts put in place of a value (escapes are JSON's own)."""
HOSTILE_YAML = ["9" * 5000, "-" + "9" * 4400, ".inf", "-.nan", '"a\\0b"', '"a\\x01b"', '"a\\e[31mb"', '"a\\x7fb"',
                '"\\ud800"', "a\x00b", "a\x01b", '"a\\u202eb"', "x" * 100_000, "1" + "0" * 30,
                # issue 36: line breaks and C1 controls where one line is due, formulas behind spaces, script links
                '"x\\n::warning::forged"', '"x\\r::add-mask::y"', '"a\\x85b"', '"a\\u2028b"', '"a\\x9b31mb"', "a\tb",
                '" =HYPERLINK(\\"https://example.org\\")"', '"\\u00a0@SUM(1)"', "javascript:alert(1)",
                "'data:text/html,<script>alert(1)</script>'"]
"""Raw YAML texts put in place of a value (some with the control byte itself, some as an escape)."""
_PLACEHOLDER = "PLACEHOLDER-5d1c"


def mutate_values(root: Path, name: str, rng: random.Random) -> str:
    """Put a hostile value, as raw text, in place of one value of a JSON or YAML file."""
    path = root / name
    path.chmod(0o644)
    text = path.read_text(encoding="utf-8", errors="surrogatepass")
    try:
        doc = json.loads(text) if name.endswith(".json") else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError):  # an earlier change made it unreadable: it stays as it is
        return f"{name}: left as the change before made it"
    leaves = [p for p in _paths(doc) if p and not isinstance(_get(doc, p), (dict, list))]
    if not leaves:
        return f"{name}: nothing to change"
    where = rng.choice(leaves)
    parent = _get(doc, where[:-1])
    parent[where[-1]] = _PLACEHOLDER
    if name.endswith(".json"):
        raw = rng.choice(HOSTILE_JSON)
        written = json.dumps(doc, indent=2, default=str).replace(f'"{_PLACEHOLDER}"', raw, 1)
    else:
        raw = rng.choice(HOSTILE_YAML)
        written = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10 ** 6).replace(_PLACEHOLDER, raw, 1)
    path.write_text(written, encoding="utf-8", errors="surrogatepass")
    return f"{name}: {'/'.join(map(str, where))} = {raw[:40]!r}"


WHOLE_FILE = ("bytes-mismatch", "hash-mismatch", "missing-file", "file-too-large")
"""Issues about a file as a whole (its size, its digest, its absence): their file is their place."""


def located(issues) -> list:
    """Issues about something at a place in a JSON or YAML input that do not say on which line."""
    return [i for i in issues if i.file and i.file.endswith((".json", ".yaml")) and i.line is None
            and i.type not in WHOLE_FILE]


# --- issue 36: what a hostile pull request brings ------------------------------------------------------------

HOSTILE_TEXTS = ['"x\\n::warning file=seeds/registry.yaml::forged"', '"x\\r\\n::add-mask::y"',
                 "|-\n" + " " * 40 + "two\n" + " " * 40 + "::stop-commands::lines", '"a\\tb"', "a\tb", '"a\\x85b"',
                 '"a\\u2028b"', '"a\\x9b[31mb"', '" =HYPERLINK(\\"https://example.org\\")"', '"\\u00a0@SUM(1)"',
                 '"  -2+3"', '"\\t=1+1"', "javascript:alert(document.domain)", "JaVaScRiPt:x",
                 "'data:text/html,<script>alert(1)</script>'", "//evil.example/x", '"https://x.org/\\"><b>"']
"""Raw YAML texts for a text field: control characters and line breaks in a one-line field, formulas behind
spaces, links that run script."""
LINK_FIELDS = [("schemas/package.yaml", ("licenses", 0, "path")), ("schemas/package.yaml", ("homepage",)),
               ("schemas/package.yaml", ("repository",)), ("schemas/package.yaml", ("contributors", 0, "path")),
               ("seeds/manifest.yaml", ("sources", 0, "url"))]
LINKABLE = ["seeds/manifest.yaml", "seeds/registry.yaml", "seeds/decisions.yaml", "seeds/claims",
            "seeds/claims/fixture-herald-2025-12-14.yaml", "schemas/properties.yaml", "schemas/package.yaml",
            "schemas/releases.schema.json", "schemas/expectations.json", "seeds/articles/fixture-wire-2025-12-15.txt"]
SHAPES = ("text", "link", "symlink", "digits", "figures")


def mutate_hostile(root: Path, rng: random.Random) -> str:
    """One of the shapes of issue 36 in the project at `root` (its parent is scratch space outside it);
    what was done, after the shape's name in brackets."""
    shape = rng.choice(SHAPES)
    return f"[{shape}] {_hostile(root, rng, shape)}"


def _hostile(root: Path, rng: random.Random, shape: str) -> str:
    if shape == "text":
        name = rng.choice(YAML_FILES)
        return _put_raw(root, name, rng, rng.choice(HOSTILE_TEXTS), texts_only=True)
    if shape == "link":
        name, where = rng.choice(LINK_FIELDS)
        return _put_raw(root, name, rng, rng.choice(HOSTILE_TEXTS[-5:]), where=where)
    if shape == "symlink":
        inside = rng.choice(LINKABLE)
        outside = root.parent / "outside" / str(rng.randrange(1 << 30)) / inside  # a place of its own each time
        if not (root / inside).resolve().is_relative_to(root.resolve()):
            return f"{inside} is outside the project already"
        outside.parent.mkdir(parents=True, exist_ok=True)
        os.replace(root / inside, outside)
        (root / inside).symlink_to(outside if rng.random() < 0.7 else os.path.relpath(outside, (root / inside).parent))
        return f"{inside} -> outside the project"
    if shape == "digits":
        return _grow_article(root, rng, "9" * rng.choice([16, 40, 4301, 5000, 100_000]))
    figures = " ".join(f"{rng.randint(1, 99_999)} prisoners on {rng.randint(1, 28)} May 2025, about {rng.randint(1, 999)}"
                       f" since {rng.randint(1990, 2025)}." for _ in range(rng.choice([50, 500, 5000])))
    return _grow_article(root, rng, figures)


def _put_raw(root: Path, name: str, rng: random.Random, raw: str, texts_only: bool = False, where=None) -> str:
    path = root / name
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if where is not None:
            _get(doc, where[:-1])[where[-1]]  # noqa: B018 - the field is there to change
    except (OSError, ValueError, yaml.YAMLError, KeyError, IndexError, TypeError):
        return f"{name}: left as the change before made it"
    if where is None:
        leaves = [p for p in _paths(doc) if p and (isinstance(_get(doc, p), str) or not texts_only
                                                    and not isinstance(_get(doc, p), (dict, list)))]
        if not leaves:
            return f"{name}: no text to change"
        where = rng.choice(leaves)
    parent = _get(doc, where[:-1])
    parent[where[-1]] = _PLACEHOLDER
    written = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10 ** 6)
    path.write_text(written.replace(_PLACEHOLDER, raw, 1), encoding="utf-8")
    return f"{name}: {'/'.join(map(str, where))} = {raw[:40]!r}"


def _grow_article(root: Path, rng: random.Random, text: str) -> str:
    """`text` added to an article, its manifest entry kept true (bytes, sha256), so the article is read."""
    import hashlib

    manifest = root / "seeds" / "manifest.yaml"
    try:
        doc = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        entries = [e for e in doc["sources"] if isinstance(e, dict) and isinstance(e.get("path"), str)
                   and (root / "seeds" / e["path"]).is_file()]
    except (OSError, ValueError, yaml.YAMLError, KeyError, TypeError):
        entries = []
    if not entries:
        return "no article left to grow"
    entry = rng.choice(entries)
    article = root / "seeds" / entry["path"]
    data = article.read_bytes() + ("\n" + text + "\n").encode()
    article.write_bytes(data)
    entry["bytes"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10 ** 6), encoding="utf-8")
    return f"{entry['path']}: {len(text):,} characters added ({text[:30]!r}...)"


def unescaped(report) -> str:
    """What a workflow would take from the report's GitHub rendering and job summary as more than the report
    says: a line that is a workflow command but not one of ours, or a summary row broken in two; "" if none."""
    import contextlib
    import io
    import os as _os

    from toolkit.cli.render import markdown_report, render_github

    out = io.StringIO()
    saved = _os.environ.pop("GITHUB_STEP_SUMMARY", None)
    try:
        with contextlib.redirect_stdout(out):
            render_github(report)
    finally:
        if saved is not None:
            _os.environ["GITHUB_STEP_SUMMARY"] = saved
    for line in out.getvalue().splitlines():
        if line.startswith("::") and not re.match(r"^::(error|warning) file=[^:]*(,line=\d+)?,title=[^:]*::", line):
            return f"workflow command {line[:80]!r}"  # ('::' inside a message is text: a command starts a line)
    summary = markdown_report(report).splitlines()
    rows = [line for line in summary if line.startswith("| ") and not line.startswith("| severity")]
    if any(not line.endswith(" |") for line in rows) or len(rows) > sum(1 for _ in report.issues):
        return "a job summary row broken in two"
    strays = [line for line in summary if line and not line.startswith(("|", "#", "+", "0", "1", "2", "3", "4", "5",
                                                                          "6", "7", "8", "9"))]
    return f"stray summary line {strays[0][:80]!r}" if strays else ""


def run_hostile(root: Path, package: bool = False) -> Outcome:
    """run_pipeline, and the report rendered for a workflow must hold no command or row of its own."""
    outcome, report = _pipeline(root, package)
    problem = unescaped(report) if report is not None else ""
    return Outcome("unescaped", problem) if problem else outcome
