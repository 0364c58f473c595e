"""Alias resolution: exact after folding, near misses flagged with a candidate, never merged."""

from __future__ import annotations

from toolkit.ingest.entities import load_registry, normalize
from toolkit.project import Project
from toolkit.report import Report

from .claimkit import ROOT, mini_registry


def test_folding_ignores_case_diacritics_apostrophes_and_leading_the():
    assert normalize("Aleś Bialiacki") == normalize("ales bialiacki")
    assert normalize("Ukraine’s Main Intelligence Directorate") == normalize("Ukraine's main intelligence directorate")
    assert normalize("the U.S.") == normalize("U.S")


def test_romanizations_and_short_forms_resolve_to_one_person():
    registry = load_registry(Project(ROOT), Report())
    for spelling in ("Maria Kalesnikava", "Maryya Kalesnikava", "Maria Kolesnikova", "Kolesnikova", "maria-kalesnikava"):
        assert registry.resolve(spelling).entity_id == "maria-kalesnikava", spelling
    for spelling in ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya", "Svyatlana Tsikhanouskaya"):
        assert registry.resolve(spelling).entity_id == "sviatlana-tsikhanouskaya", spelling
    assert registry.resolve("Syarhey Tsikhanouski").entity_id == "siarhei-tsikhanouski"


def test_look_alike_names_of_two_people_stay_two_people():
    registry = mini_registry()
    assert registry.resolve("Anna Ivanova").entity_id == "anna-ivanova"
    assert registry.resolve("Anna Ivanovich").entity_id == "anna-ivanovich"
    real = load_registry(Project(ROOT), Report())
    assert real.resolve("Tsikhanouski").entity_id == "siarhei-tsikhanouski"
    assert real.resolve("Tsikhanouskaya").entity_id == "sviatlana-tsikhanouskaya"


def test_a_close_unlisted_spelling_is_a_probable_variant_not_a_match():
    registry = mini_registry()
    result = registry.resolve("Anna Ivanovna")
    assert result.entity_id is None
    assert result.candidate in {"anna-ivanova", "anna-ivanovich"}
    assert result.score >= 85


def test_a_distant_name_has_no_candidate():
    result = mini_registry().resolve("Keith Kellogg")
    assert (result.entity_id, result.candidate) == (None, None)


def test_places_roll_up_their_hierarchy():
    registry = mini_registry()
    assert registry.top("city-a") == "country-a"
    assert registry.within("city-a", "country-a")
    assert not registry.within("country-a", "city-a")


def _registry_from(tmp_path, text):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "registry.yaml").write_text(text)
    report = Report()
    load_registry(Project(tmp_path), report)
    return report


def test_a_spelling_shared_by_two_entities_is_an_error(tmp_path):
    report = _registry_from(tmp_path, "people:\n  - {id: a, name: Anna, aliases: [Ann]}\n"
                                      "  - {id: b, name: Bella, aliases: [ann]}\n")
    [issue] = report.errors
    assert (issue.type, issue.file, issue.line) == ("ambiguous-alias", "seeds/registry.yaml", 3)


def test_duplicate_ids_and_dangling_parents_are_errors(tmp_path):
    report = _registry_from(tmp_path, "places:\n  - {id: a, name: A, part_of: nowhere}\n  - {id: a, name: B}\n")
    assert sorted(i.type for i in report.errors) == ["dangling-reference", "duplicate-id"]
