"""Small edits a contributor makes to a project, for tests that need one more article in a scratch copy."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml


def add_article(project: Path, source: str, text: str, claims: list[dict], published: str,
                outlet: str = "Test Desk", skipped: list[dict] | None = None) -> Path:
    """Add an article, its manifest entry and its finished claims file, as CONTRIBUTING.md says."""
    article = project / "seeds" / "articles" / f"{source}.txt"
    article.write_text(text, encoding="utf-8")
    data = article.read_bytes()
    entry = {"id": source, "path": f"articles/{source}.txt", "outlet": outlet, "outlet_inferred": False,
             "title": None, "published": published,
             "published_precision": {4: "year", 7: "month", 10: "day"}[len(published)],
             "published_inferred": False, "language": "en", "bytes": len(data),
             "sha256": hashlib.sha256(data).hexdigest(), "note": "Added by a test.",
             "url": f"https://example.org/test/{source}"}
    manifest = project / "seeds" / "manifest.yaml"
    block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True)
    manifest.write_text(manifest.read_text(encoding="utf-8")
                        + "".join(f"  {line}\n" for line in block.splitlines()), encoding="utf-8")
    ledger = project / "seeds" / "claims" / f"{source}.yaml"
    ledger.write_text(yaml.safe_dump({"source": source, "claims": claims, "skipped": skipped or []},
                                     sort_keys=False, allow_unicode=True), encoding="utf-8")
    return ledger


REGISTRY_BLOCK = "# Entries these claims need in seeds/registry.yaml"


def proposed_entries(draft: str) -> dict[str, list[dict]]:
    """The registry entries a draft of `prisoner-data extract` proposes (the commented block at its end)."""
    lines = draft.splitlines()
    if not any(line.startswith(REGISTRY_BLOCK) for line in lines):
        return {}
    start = next(n for n, line in enumerate(lines) if line.startswith(REGISTRY_BLOCK)) + 1
    block = []
    for line in lines[start:]:
        if not line.startswith("#   "):
            break
        block.append(line[4:])
    return yaml.safe_load("\n".join(block)) or {}


def add_to_registry(project: Path, entries: dict[str, list[dict]]) -> None:
    """Append entries to their sections of seeds/registry.yaml, as a contributor pastes them."""
    path = project / "seeds" / "registry.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    for section, items in entries.items():
        block = ["  " + line for line in yaml.safe_dump(items, sort_keys=False, allow_unicode=True).splitlines()]
        header = next((n for n, line in enumerate(lines) if line == f"{section}:"), None)
        if header is None:
            lines += ["", f"{section}:", *block]
            continue
        end = next((n for n in range(header + 1, len(lines)) if lines[n] and not lines[n].startswith((" ", "#"))),
                   len(lines))
        while end > header + 1 and not lines[end - 1].strip():
            end -= 1
        lines[end:end] = block
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
