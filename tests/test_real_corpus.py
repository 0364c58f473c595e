"""benchmarks/real_corpus.py: ledgers keep quotes as spans of texts kept out of git, and `check` says
which texts are missing or changed and how to restore each (an invented article here, never the corpus)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Capital, May 2 (Invented Wire) -\nThe council freed “seven” detainees on Friday.\nIt freed seven."


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("real_corpus", ROOT / "benchmarks" / "real_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ROOT", tmp_path / "real")
    monkeypatch.setattr(module, "LEDGERS", tmp_path / "real" / "ledgers")
    monkeypatch.setattr(module, "TEXTS", tmp_path / "real" / "texts")
    (tmp_path / "real" / "texts").mkdir(parents=True)
    (tmp_path / "real" / "texts" / "invented-wire-2026-05-02.txt").write_text(TEXT, encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    draft.write_text(yaml.safe_dump({
        "id": "invented-wire-2026-05-02", "url": "https://example.org/a", "query": "council freed detainees",
        "claims": [{"id": "iw-001", "subject": "release-x", "property": "released_count", "value": 7,
                    "quote": "freed “seven” detainees"}],
        "skipped": [{"quote": "It freed seven.", "reason": "a repeat"}]}, allow_unicode=True), encoding="utf-8")
    return module, draft


def test_spans_keep_no_quote_and_restore_each_from_the_text(corpus):
    module, draft = corpus
    result = CliRunner().invoke(module.main, ["spans", str(draft)])
    assert result.exit_code == 0, result.output
    path = module.LEDGERS / "invented-wire-2026-05-02.yaml"
    committed = path.read_text(encoding="utf-8")
    assert "seven" not in committed  # no quote is kept as text
    ledger, text = module.load(path)
    assert text == TEXT
    assert ledger["claims"][0]["quote"] == "freed “seven” detainees"
    assert ledger["skipped"][0]["quote"] == "It freed seven."


def test_a_quote_not_in_the_text_is_refused_and_nothing_is_written(corpus):
    module, draft = corpus
    draft.write_text(draft.read_text(encoding="utf-8").replace("detainees", "prisoners", 1), encoding="utf-8")
    result = CliRunner().invoke(module.main, ["spans", str(draft)])
    assert result.exit_code != 0 and "quote not found verbatim" in result.output
    assert not module.LEDGERS.exists()


def test_check_names_each_missing_or_changed_text_with_how_to_restore_it(corpus):
    module, draft = corpus
    assert CliRunner().invoke(module.main, ["spans", str(draft)]).exit_code == 0
    assert CliRunner().invoke(module.main, ["check"]).exit_code == 0
    text = module.TEXTS / "invented-wire-2026-05-02.txt"
    text.write_text(TEXT + " ", encoding="utf-8")
    changed = CliRunner().invoke(module.main, ["check"])
    assert changed.exit_code == 1 and "changed (sha256 differs)" in changed.output
    assert module.load(module.LEDGERS / "invented-wire-2026-05-02.yaml")[1] is None  # a changed text is never used
    text.unlink()
    missing = CliRunner().invoke(module.main, ["check"])
    assert missing.exit_code == 1 and "missing" in missing.output
    assert "'council freed detainees'" in missing.output and "https://example.org/a" in missing.output


def test_wording_names_each_line_that_repeats_a_texts_words_and_fails(corpus, tmp_path):
    """`wording` reads our own files for runs of words a corpus text has: a line that repeats seven of the invented
    article's words in a row is named with its file, line and the article's id, and the command exits 1; lines of
    their own pass; with no text to compare with it says so and exits 2 (a check that cannot run never passes)."""
    module, _ = corpus
    own = tmp_path / "own.md"
    own.write_text("Our rule, in words of its own.\nThe council freed \"seven\" detainees on Friday, it said.\n",
                   encoding="utf-8")
    repeated = CliRunner().invoke(module.main, ["wording", str(own)])
    assert repeated.exit_code == 1, repeated.output
    assert f"{own}:2: invented-wire-2026-05-02: the council freed seven detainees on friday" in repeated.output
    assert f"{own}:1:" not in repeated.output
    own.write_text("Officials let eleven people go home on Monday, the council said.\n", encoding="utf-8")
    clean = CliRunner().invoke(module.main, ["wording", str(own)])
    assert clean.exit_code == 0 and "0 lines share" in clean.output, clean.output
    assert CliRunner().invoke(module.main, ["wording", "--words", "3", str(own)]).exit_code == 0
    assert CliRunner().invoke(module.main, ["wording", "--words", "2", str(own)]).exit_code == 1  # "the council"
    (module.TEXTS / "invented-wire-2026-05-02.txt").unlink()
    absent = CliRunner().invoke(module.main, ["wording", str(own)])
    assert absent.exit_code == 2 and "no texts" in absent.output, absent.output


def test_measuring_an_id_with_no_ledger_is_refused_not_scored_as_nothing(tmp_path):
    """`extract_real.py --only a,b` (one id, comma-joined) once measured no article and printed zeros."""
    (tmp_path / "ledgers").mkdir()
    (tmp_path / "ledgers" / "invented-wire-2026-05-02.yaml").write_text("id: invented-wire-2026-05-02\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "extract_real.py"), "--corpus", str(tmp_path),
         "--only", "invented-wire-2026-05-02,other-2026-05-03"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "no ledger for invented-wire-2026-05-02,other-2026-05-03" in result.stderr
    assert "pooled" not in result.stdout


def test_a_new_spelling_offered_as_the_ledgers_freed_person_is_counted_apart_from_the_wrongly_freed(tmp_path):
    """extract_real.py: a person drafted as freed under a spelling the registry does not know, whose probable variant
    (offered beside the draft, never merged) is a person the ledger frees, is listed apart; one the ledger does not free
    at all stays among the wrongly freed."""
    import hashlib
    text = "Minsk, May 2 (Invented Wire) -\nThe council freed Aliaksiej Cichavič and Dorit Vellamo on Friday.\n"
    (tmp_path / "texts").mkdir()
    (tmp_path / "ledgers").mkdir()
    (tmp_path / "heldout.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "texts" / "invented-wire-2026-05-02.txt").write_text(text, encoding="utf-8")
    quote = "freed Aliaksiej Cichavič"
    span = [text.index(quote), text.index(quote) + len(quote)]
    release = {"id": "release-2026-05-01-inv", "name": "The council's release", "aliases": []}
    ledger = {"id": "invented-wire-2026-05-02", "outlet": "Invented Wire", "url": "https://example.org/a",
              "query": "council freed", "published": "2026-05-02", "published_precision": "day", "shape": "wire",
              "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
              "registry": {"people": [{"id": "aliaksei-tsikhavich", "name": "Aliaksei Tsikhavich", "aliases": []},
                                      {"id": "dorit-vellamo", "name": "Dorit Vellamo", "aliases": []}],
                           "releases": [release]},
              "claims": [{"id": "iw-001", "subject": "aliaksei-tsikhavich", "property": "released_in",
                          "value": release["id"], "quote": span}]}
    (tmp_path / "ledgers" / "invented-wire-2026-05-02.yaml").write_text(yaml.safe_dump(ledger, allow_unicode=True),
                                                                        encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "extract_real.py"), "--corpus", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr + result.stdout
    wrongly = result.stdout.split("people drafted as freed whom the ledger does not free: ")[1].split("\n\n")[0]
    assert wrongly.splitlines()[0] == "1" and "dorit-vellamo" in wrongly, result.stdout
    apart = result.stdout.split("counted apart from the above): ")[1]
    assert apart.splitlines()[0] == "1" and "(offered: aliaksei-tsikhavich)" in apart, result.stdout
