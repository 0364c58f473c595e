"""The draft as a claims file a contributor edits, with what it proposes for the registry and manifest."""

from __future__ import annotations

import hashlib
import json

import yaml

from ...ingest.models import PLACEHOLDERS
from .context import REVIEW

OUTLET, TITLE, URL, DATE = PLACEHOLDERS


def manifest_stub(source_id: str, data: bytes, dateline=None, front: dict | None = None,
                  year: int | None = None) -> list[str]:
    """The manifest entry for the article, as comment lines: size and sha256 filled in, and what the
    article's front matter (url, outlet, title, published) or else its dateline says; the rest is for
    the contributor to fill. A URL is never guessed: without front matter it is left for the contributor.
    A date that only `--year` gives is the year, and marked as inferred."""
    front = front or {}
    outlet = front.get("outlet") or (dateline.outlet if dateline and dateline.outlet else OUTLET)
    published = front.get("published") or (dateline.date if dateline and dateline.date else None)
    inferred = published is None and year is not None
    published = published or (str(year) if year else DATE)
    precision = {4: "year", 7: "month"}.get(len(published), "day")
    title = json.dumps(front["title"], ensure_ascii=False) if front.get("title") else TITLE
    url = front.get("url") or f"{URL}  # where the article was published (https://...); null if you cannot tell"
    found = " (from the front matter)" if front else (
        " (from the dateline)" if dateline and (dateline.outlet or dateline.date) else "")
    return [
        f"# Add this entry to seeds/manifest.yaml{found}; fill in what is left, and say what is inferred:",
        f"#  - id: {source_id}", f"#    path: articles/{source_id}.txt", f"#    outlet: {outlet}",
        "#    outlet_inferred: false", f"#    title: {title}", f'#    published: "{published}"',
        f"#    published_precision: {precision}", f"#    published_inferred: {'true' if inferred else 'false'}",
        "#    language: en",
        f"#    bytes: {len(data)}", f"#    sha256: {hashlib.sha256(data).hexdigest()}", f"#    url: {url}",
    ]


def claim_prefix(source_id: str, taken: set[str], given: str | None = None) -> str:
    """The prefix of a draft's claim ids (PREFIX-001, ...), never one an earlier article's ids start with:
    `given` (--prefix), else the initials of the source id's first two words, else the whole source id,
    which the manifest keeps unique; None of them free (ids written by hand), a letter is added."""
    words = [w for w in source_id.split("-") if w[:1].isalpha()]
    short = ("".join(w[0] for w in words[:2]) if len(words) > 1 else (words[0][:2] if words else "x")).lower()
    used = {claim_id.rsplit("-", 1)[0] for claim_id in taken}
    for prefix in ([given] if given else [short, source_id]):
        if prefix not in used:
            return prefix
    if given:
        from ...errors import UsageError

        raise UsageError(f"--prefix {given}: claims of another article already have ids {given}-NNN",
                         hint="choose a prefix no claims file uses (the source id is always free)")
    return next(f"{source_id}-{letter}" for letter in "abcdefghijklmnopqrstuvwxyz"
                if f"{source_id}-{letter}" not in used)


def render_draft(source_id: str, drafts, proposals: dict[str, list[dict]], names, header=(),
                 prefix: str | None = None) -> str:
    """The draft: claims to check, registry entries to add, names worth a look; claim ids PREFIX-NNN."""
    lines = [*header,
             f"# Draft claims for {source_id}, made by `prisoner-data extract`. Check every claim against the",
             "# article: subject, property, value, qualifier and quote; delete what is not a claim; add what",
             "# was missed. Then remove `draft: true` (the build refuses a draft). Each claim names the rule that",
             "# drafted it; check first those with a `# review:` mark, which says why it is doubtful.",
             "draft: true",
             f"source: {source_id}",
             "claims:"]
    prefix = prefix or claim_prefix(source_id, set())
    for number, d in enumerate(drafts, 1):
        lines.append(f"  - id: {prefix}-{number:03d}")
        lines.append(f"    # rule: {d.rule}")
        if d.review:
            lines.append(f"    # review: {d.review}: {REVIEW.get(d.review, '')}")
        lines.append(f"    subject: {d.subject}")
        lines.append(f"    property: {d.property}")
        lines.append(f"    value: {_value(d.value)}")
        if d.qualifier != "exact":
            lines.append(f"    qualifier: {d.qualifier}")
        for key in ("scope", "population"):
            if getattr(d, key):
                lines.append(f"    {key}: {getattr(d, key)}")
        lines.append(f"    quote: {yaml.safe_dump(d.quote, default_style=chr(34), width=10**6, allow_unicode=True).strip()}")
        if d.note:
            lines.append(f"    note: {json.dumps(d.note, ensure_ascii=False)}")
    if proposals:
        lines.append("# Entries these claims need in seeds/registry.yaml (check ids, names and aliases):")
        dumped = yaml.safe_dump(proposals, sort_keys=False, allow_unicode=True, width=100)
        lines += [f"#   {line}" for line in dumped.splitlines()]
    unknown = sorted({n.text for n in names if n.entity is None})
    if unknown:
        lines.append("# Names the registry does not know (register the ones the claims need):")
        lines += [f"#   {name}" + _close(names, name) for name in unknown]
    return "\n".join(lines) + "\n"


def _value(value) -> str:
    if isinstance(value, bool):
        return json.dumps(str(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return json.dumps(value)
    return json.dumps(str(value), ensure_ascii=False)


def _close(names, text: str) -> str:
    candidate = next((n.candidate for n in names if n.text == text and n.candidate), None)
    return f" - close to {candidate}?" if candidate else ""
