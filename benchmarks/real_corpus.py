"""The real-article corpus: ledgers committed, texts kept out of git.

The corpus is published news text the project may not redistribute. What is committed, per
article, is `benchmarks/real/ledgers/<id>.yaml`: the page's URL, the search query (corpus
`pages`) that finds it, the sha256 and length of the text, and the ledger a reader wrote before
`extract` first ran on it, with every quote kept as a character span `[start, end]` of the text.
The texts live in `benchmarks/real/texts/<id>.txt`, which git ignores.

    python benchmarks/real_corpus.py check          # which texts are missing or changed, and how to restore them
    python benchmarks/real_corpus.py spans DRAFT    # turn a draft ledger (quotes as text) into the committed one
    python benchmarks/real_corpus.py validate [ID ...]   # load ledgers as the toolkit does, without running extract
    python benchmarks/real_corpus.py wording [PATH ...]  # lines of our own files that repeat the texts' wording
    python benchmarks/real_corpus.py --corpus DIR check   # another corpus of the same layout

Restoring a text: run the ledger's `query` with the search tool (corpus `pages`), take the result
whose address is the ledger's `url`, and save its excerpt, exactly as returned, to the text's
path; `check` then confirms the sha256.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import click
import yaml

ROOT = Path(__file__).resolve().parent / "real"
LEDGERS = ROOT / "ledgers"
TEXTS = ROOT / "texts"
QUOTED = ("claims", "not_freed", "skipped")


def use(folder: Path) -> None:
    """Read another corpus of the same layout (folder/ledgers, folder/texts)."""
    global ROOT, LEDGERS, TEXTS
    ROOT, LEDGERS, TEXTS = folder.resolve(), folder.resolve() / "ledgers", folder.resolve() / "texts"


def text_path(article_id: str) -> Path:
    return TEXTS / f"{article_id}.txt"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def id_list(name: str) -> list[str]:
    """The article ids a list of the corpus names (heldout.yaml, in-scope.yaml), or none if it has no such list."""
    path = ROOT / name
    return [str(i) for i in yaml.safe_load(path.read_text(encoding="utf-8")) or []] if path.is_file() else []


def ledger_paths() -> list[Path]:
    return sorted(LEDGERS.glob("*.yaml"))


def load(path: Path) -> tuple[dict, str | None]:
    """A ledger with its quotes restored from the text, or (ledger, None) when the text is missing or changed."""
    ledger = yaml.safe_load(path.read_text(encoding="utf-8"))
    source = text_path(ledger["id"])
    if not source.is_file():
        return ledger, None
    text = source.read_text(encoding="utf-8")
    if digest(text) != ledger["sha256"]:
        return ledger, None
    for section in QUOTED:
        for entry in ledger.get(section) or []:
            start, end = entry["quote"]
            entry["quote"] = text[start:end]
    return ledger, text


def _span(text: str, quote: str, where: str) -> list[int]:
    start = text.find(quote)
    if start < 0:
        raise click.ClickException(f"{where}: quote not found verbatim in the text: {quote!r}")
    return [start, start + len(quote)]


@click.group()
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), help="another corpus folder")
def main(corpus: Path | None) -> None:
    """The real-article corpus (texts kept out of git)."""
    if corpus is not None:
        use(corpus)


@main.command()
@click.argument("draft", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def spans(draft: Path) -> None:
    """Write the committed ledger for DRAFT, every quote kept as a span of the text."""
    ledger = yaml.safe_load(draft.read_text(encoding="utf-8"))
    source = text_path(ledger["id"])
    if not source.is_file():
        raise click.ClickException(f"{draft}: no text at {source}")
    text = source.read_text(encoding="utf-8")
    for section in QUOTED:
        for n, entry in enumerate(ledger.get(section) or []):
            quote = entry.get("quote")
            if not isinstance(quote, str) or not quote:
                raise click.ClickException(f"{draft}: {section}[{n}] has no quote")
            entry["quote"] = _span(text, quote, f"{draft}: {section}[{n}]")
    ledger["sha256"] = digest(text)
    ledger["chars"] = len(text)
    LEDGERS.mkdir(parents=True, exist_ok=True)
    out = LEDGERS / f"{ledger['id']}.yaml"
    header = "# Ledger of a real article, written before extract ran on it; quotes are [start, end] spans of the text.\n"
    out.write_text(header + yaml.safe_dump(ledger, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    click.echo(f"{out}: {len(ledger.get('claims') or [])} claims")


@main.command()
def check() -> None:
    """Say which texts are missing or changed, and how to restore each."""
    problems = 0
    paths = ledger_paths()
    for path in paths:
        ledger = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = text_path(ledger["id"])
        if not source.is_file():
            state = "missing"
        elif digest(source.read_text(encoding="utf-8")) != ledger["sha256"]:
            state = "changed (sha256 differs)"
        else:
            continue
        problems += 1
        click.echo(
            f"{source}: {state}\n"
            f"  restore: search corpus `pages` for {ledger['query']!r}, take the result at {ledger['url']},\n"
            f"  and save its excerpt exactly as returned ({ledger['chars']} characters, sha256 {ledger['sha256']})"
        )
    click.echo(f"{len(paths) - problems} of {len(paths)} texts present and unchanged")
    sys.exit(1 if problems else 0)


@main.command()
@click.argument("ids", nargs=-1)
def validate(ids: tuple[str, ...]) -> None:
    """Load each ledger (or those named) as a one-article project, as benchmarks/extract_real.py does, and say what
    the toolkit refuses in it; extract is not run, so a ledger writer may use it before extract has seen the article."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extract_real import assemble, load_project  # the benchmark's own project, so both read a ledger alike

    failed = 0
    paths = [p for p in ledger_paths() if not ids or p.stem in ids]
    for path in paths:
        ledger, text = load(path)
        if text is None:
            click.echo(f"{path}: the text is missing or changed (check)")
            failed += 1
            continue
        with tempfile.TemporaryDirectory() as scratch:
            try:
                load_project(assemble(ledger, text, Path(scratch) / "project"))
            except SystemExit as problem:
                click.echo(f"{path}: does not load: {problem}")
                failed += 1
    click.echo(f"{len(paths) - failed} of {len(paths)} ledgers load")
    sys.exit(1 if failed or (ids and not paths) else 0)


PROJECT = Path(__file__).resolve().parent.parent
OWN_FILES = ("tests/*.py", "docs/*.md", "toolkit/**/*.py", "benchmarks/*.py", "README.md", "CONTRIBUTING.md",
             "tests/fixtures/extract/**/*.txt", "tests/fixtures/extract/**/*.yaml")
"""The project's own writing that `wording` reads by default: its tests, docs, code and fixture articles."""


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9’']+", text.lower())


@main.command()
@click.option("--words", "size", default=7, show_default=True, type=click.IntRange(2, 50),
              help="the length of a run of words shared with a text that is reported")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def wording(size: int, paths: tuple[Path, ...]) -> None:
    """Say which lines of the project's own files (PATHS, else its tests, docs, code and fixtures) share a run of
    --words words with a text of the corpus, each as file:line, the article's id and the shared words. The project may
    not redistribute the texts: its examples are written in sentences of its own. Reads the texts present (see `check`);
    exits 1 when a line shares a run, and 2 when no text is present to compare with."""
    runs: dict[str, str] = {}
    texts = sorted(TEXTS.glob("*.txt"))
    if not texts:
        click.echo(f"Error: no texts in {TEXTS} to compare with (restore them: see check)", err=True)
        sys.exit(2)
    for source in texts:
        words = _words(source.read_text(encoding="utf-8"))
        for i in range(len(words) - size + 1):
            runs.setdefault(" ".join(words[i:i + size]), source.stem)
    files = [p for p in paths] or sorted({f for pattern in OWN_FILES for f in PROJECT.glob(pattern) if f.is_file()})
    found = 0
    for path in (f for p in files for f in (sorted(p.rglob("*")) if p.is_dir() else [p]) if f.is_file()):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for n, line in enumerate(lines):
            # a run may go on over the next two lines (wrapped text), but it starts on this one
            head, words = len(_words(line)), _words(" ".join(lines[n:n + 3]))
            shared = next((" ".join(words[i:i + size]) for i in range(min(head, len(words) - size + 1))
                           if " ".join(words[i:i + size]) in runs), None)
            if shared:
                found += 1
                shown = path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path
                click.echo(f"{shown}:{n + 1}: {runs[shared]}: {shared}")
    click.echo(f"{found} lines share a run of {size} words with the {len(texts)} texts")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
