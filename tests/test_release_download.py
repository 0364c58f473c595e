"""Releases, downloads over a real HTTP server on 127.0.0.1, the cache, and diff."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
import yaml

from toolkit.cli import main

from .conftest import tree_digest
from .httpkit import POLL

pytestmark = pytest.mark.slow  # releases and downloads over HTTP: left out of `make test-fast`


class Server:
    """A static file server on 127.0.0.1 that logs requests and can drop one response midway."""

    def __init__(self, root: Path):
        self.root, self.requests, self.drop_once = root, [], set()
        handler = functools.partial(_Handler, self, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": POLL}, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(http.server.SimpleHTTPRequestHandler):
    disable_nagle_algorithm = True  # as tests/httpkit.py's

    def __init__(self, server_state, *args, **kwargs):
        self.state = server_state
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.state.requests.append(self.path)
        name = self.path.lstrip("/")
        if name in self.state.drop_once:
            self.state.drop_once.discard(name)
            data = (self.state.root / name).read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        super().do_GET()


@pytest.fixture
def released(released_once, monkeypatch, tmp_path):
    """A copy of the project with release 1.0.0 published, and a cache of its own."""
    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    shutil.copytree(released_once, tmp_path, dirs_exist_ok=True, symlinks=True)
    return tmp_path


@pytest.fixture
def server(released):
    instance = Server(released / "releases")
    yield instance
    instance.close()


def download(runner, *args):
    return runner.invoke(main, ["download", *args, "--format", "json"])


def staging_leftovers(directory: Path) -> list[str]:
    """What an interrupted or refused run could have left: staging and swap folders."""
    if not directory.exists():
        return []
    return [p.name for p in directory.iterdir() if ".staging-" in p.name or ".old-" in p.name]


def test_release_writes_version_sums_changelog_and_index(released):
    folder = released / "releases" / "1.0.0"
    meta = json.loads((folder / "datapackage.json").read_text())
    assert meta["version"] == "1.0.0"
    sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert set(sums) == files - {"SHA256SUMS"}
    index = json.loads((released / "releases" / "index.json").read_text())
    [record] = index["versions"]
    assert record["version"] == "1.0.0" and record["date"] == "2025-12-20"
    assert record["rows"]["claims"] == len((folder / "data/claims.csv").read_text().splitlines()) - 1
    assert record["datapackage_sha256"] == sums["datapackage.json"]
    assert "## 1.0.0 (2025-12-20)" in (released / "releases" / "CHANGELOG.md").read_text()
    assert not os.access(folder / "data/claims.csv", os.W_OK) or os.geteuid() == 0
    assert (folder / "data/claims.csv").stat().st_mode & 0o222 == 0


def test_releasing_nothing_new_or_an_old_version_fails_and_changes_nothing(released, runner):
    before = tree_digest(released / "releases")
    result = runner.invoke(main, ["release", "--bump", "minor", "--project", str(released)])
    assert result.exit_code == 3
    assert "nothing changed since 1.0.0; there is nothing to release" in result.stderr
    _edit_claim(released, "    value: prominent opposition activist\n", "    value: opposition activist\n")
    for version in ("1.0.0", "0.5.0"):
        result = runner.invoke(main, ["release", version, "--project", str(released)])
        assert result.exit_code == 3
        assert f"version {version} is not greater than the latest release, 1.0.0" in result.stderr
    assert tree_digest(released / "releases") == before
    assert staging_leftovers(released) == []


def test_round_trip_release_download_validate(server, runner, tmp_path):
    target = tmp_path / "got"
    result = download(runner, server.url + "index.json", "--to", str(target))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["from_cache"] is False
    assert tree_digest(target) == tree_digest(server.root / "1.0.0")
    check = runner.invoke(main, ["validate", str(target), "--format", "json"])
    assert check.exit_code == 0 and json.loads(check.stdout)["valid"]


def test_second_download_is_served_from_the_cache(server, runner, tmp_path):
    assert download(runner, server.url + "index.json", "--to", str(tmp_path / "a")).exit_code == 0
    server.requests.clear()
    result = download(runner, server.url + "index.json", "--to", str(tmp_path / "b"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["from_cache"] is True
    assert not [r for r in server.requests if r.startswith("/1.0.0/data/")]
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


@pytest.mark.parametrize("new", ["Tomas Invеnt", "Tomas Inwent"])  # a Cyrillic е (one byte more), and as long
def test_tampered_file_is_refused_and_nothing_is_written(server, runner, tmp_path, new):
    path = server.root / "1.0.0" / "data" / "people.csv"
    path.chmod(0o644)
    declared = path.stat().st_size
    path.write_text(path.read_text().replace("Tomas Invent", new))
    size = path.stat().st_size
    target = tmp_path / "got"
    result = download(runner, server.url + "1.0.0/", "--to", str(target))
    assert result.exit_code == 3
    if size == declared:
        assert "data/people.csv does not match its sha256 in SHA256SUMS; refused" in result.stderr
    else:
        assert f"people.csv is {size:,} bytes, but {declared:,} were declared; refused" in result.stderr
    assert not target.exists() and staging_leftovers(tmp_path) == []
    assert not any((tmp_path / "cache").glob("*/datapackage.json"))


def test_dropped_connection_leaves_nothing_and_a_rerun_succeeds(server, runner, tmp_path):
    server.drop_once.add("1.0.0/data/claims.csv")
    target = tmp_path / "got"
    first = download(runner, server.url + "index.json", "--to", str(target))
    assert first.exit_code == 3
    assert "nothing was written" in first.stderr
    assert not target.exists() and staging_leftovers(tmp_path) == []
    second = download(runner, server.url + "index.json", "--to", str(target))
    assert second.exit_code == 0, second.output
    assert tree_digest(target) == tree_digest(server.root / "1.0.0")


def test_path_traversal_descriptor_is_refused(server, runner, tmp_path):
    folder = server.root / "1.0.0"
    for path in (folder / "datapackage.json", folder / "SHA256SUMS"):
        path.chmod(0o644)
    meta = json.loads((folder / "datapackage.json").read_text())
    meta["resources"][0]["path"] = "../../secret.csv"
    (folder / "datapackage.json").write_text(json.dumps(meta))
    from toolkit.hashing import file_sha256

    sums = (folder / "SHA256SUMS").read_text().splitlines()
    sums = [f"{file_sha256(folder / 'datapackage.json')}  datapackage.json" if s.endswith("  datapackage.json")
            else s for s in sums]
    (folder / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    result = download(runner, server.url + "1.0.0/", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3
    assert "refused: the package names a path that leaves the package directory: '../../secret.csv'" in result.stderr
    assert not (tmp_path / "got").exists()
    assert "/secret.csv" not in " ".join(server.requests)


def test_404_is_a_clear_message(server, runner, tmp_path):
    result = download(runner, server.url, "--version", "9.9.9", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3
    assert f"error: {server.url}9.9.9/datapackage.json: HTTP 404 Not Found" in result.stderr
    unknown = download(runner, server.url + "index.json", "--version", "9.9.9")
    assert "version 9.9.9 is not in" in unknown.stderr and "published: 1.0.0" in unknown.stderr


def test_download_from_a_local_path(released, runner, tmp_path):
    result = download(runner, str(released / "releases" / "index.json"), "--to", str(tmp_path / "got"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "got" / "data" / "claims.parquet").is_file()


def test_progress_is_silent_when_piped(server, runner, tmp_path):
    result = runner.invoke(main, ["download", server.url + "index.json", "--to", str(tmp_path / "got")])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("1.0.0: ")


def _edit_claim(project: Path, old: str, new: str):
    path = project / "seeds/claims/fixture-herald-2025-12-14.yaml"
    path.write_text(path.read_text().replace(old, new, 1))


def test_diff_of_two_releases_lists_exactly_the_changed_rows(released, runner):
    _edit_claim(released, "    value: prominent opposition activist\n", "    value: opposition activist\n")
    result = runner.invoke(main, ["release", "--bump", "auto", "--project", str(released), "--date", "2026-01-05",
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["version"] == "1.0.1"  # a corrected value is a patch
    diff = runner.invoke(main, ["diff", str(released / "releases/1.0.0"), str(released / "releases/1.0.1"),
                                "--format", "json"])
    report = json.loads(diff.stdout)
    changed = {r["name"]: r for r in report["resources"]}
    assert set(changed) == {"claims", "people", "entities"}  # a person's roles are in both people and entities
    assert [c["key"] for c in changed["claims"]["changed"]] == [["fh-010"]]
    assert changed["claims"]["changed"][0]["changes"] == {"value": ["prominent opposition activist",
                                                                     "opposition activist"]}
    assert [c["key"] for c in changed["people"]["changed"]] == [["lena-fictiona"]]
    assert [(c["key"], set(c["changes"])) for c in changed["entities"]["changed"]] == [(["lena-fictiona"], {"roles"})]
    assert not any(r["added"] or r["removed"] or r["schema_changes"] for r in report["resources"])
    log = (released / "releases" / "CHANGELOG.md").read_text()
    assert log.index("## 1.0.1") < log.index("## 1.0.0")


def test_bump_auto_follows_the_data_package_version_recipe(released, runner):
    schema = released / "schemas/sources.schema.json"
    meta = json.loads(schema.read_text())
    meta["fields"] = [f for f in meta["fields"] if f["name"] != "note"]
    schema.write_text(json.dumps(meta))
    result = runner.invoke(main, ["release", "--bump", "auto", "--project", str(released), "--format", "json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["version"] == "2.0.0" and "sources: field removed: note" in answer["reasons"]


def test_nothing_to_release_is_refused(released, runner):
    result = runner.invoke(main, ["release", "--bump", "auto", "--project", str(released)])
    assert result.exit_code == 3 and "nothing changed since 1.0.0" in result.stderr


def test_classification_of_schema_changes():
    from toolkit.publish.diff import schema_changes

    old = {"fields": [{"name": "a", "type": "integer", "constraints": {"maximum": 10}}, {"name": "b", "type": "string"}],
           "primaryKey": ["a"]}
    tighter = {"fields": [{"name": "a", "type": "integer", "constraints": {"maximum": 5}},
                          {"name": "b", "type": "string"}], "primaryKey": ["a"]}
    looser = {"fields": [{"name": "a", "type": "integer", "constraints": {"maximum": 50}},
                         {"name": "b", "type": "string"}], "primaryKey": ["a"]}
    retyped = {"fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}], "primaryKey": ["a"]}
    assert schema_changes(old, tighter) == ["constraint tightened: a.maximum 10 -> 5"]
    assert schema_changes(old, looser) == ["constraint relaxed: a.maximum 10 -> 50"]
    assert "field retyped: a integer -> string" in schema_changes(old, retyped)
    assert schema_changes(old, {"fields": old["fields"][::-1], "primaryKey": ["a"]}) == ["fields reordered"]


def test_today_is_the_default_release_date(project, runner, monkeypatch, tmp_path):
    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    result = runner.invoke(main, ["release", "1.0.0", "--project", str(project)])
    assert result.exit_code == 0
    index = json.loads((project / "releases/index.json").read_text())
    assert index["versions"][0]["date"] == dt.datetime.now(dt.timezone.utc).date().isoformat()
    shutil.rmtree(project / "releases")


def _point_people_at_another_host(folder: Path) -> None:
    from toolkit.hashing import file_sha256

    for path in (folder / "datapackage.json", folder / "SHA256SUMS"):
        path.chmod(0o644)
    meta = json.loads((folder / "datapackage.json").read_text())
    people = next(r for r in meta["resources"] if r["name"] == "people")
    people["path"] = "https://other.invalid/people.csv"
    (folder / "datapackage.json").write_text(json.dumps(meta))
    sums = [f"{file_sha256(folder / 'datapackage.json')}  datapackage.json" if s.endswith("  datapackage.json") else s
            for s in (folder / "SHA256SUMS").read_text().splitlines() if not s.endswith("  data/people.csv")]
    (folder / "SHA256SUMS").write_text("\n".join(sums) + "\n")


def test_resources_on_other_hosts_need_trusted(server, runner, tmp_path):
    _point_people_at_another_host(server.root / "1.0.0")
    refused = download(runner, server.url + "1.0.0/", "--to", str(tmp_path / "a"))
    assert refused.exit_code == 3 and "points to a URL" in refused.stderr
    assert not (tmp_path / "a").exists()
    # with --trusted the remote resource is accepted; the local files are still verified
    trusted = download(runner, server.url + "1.0.0/", "--to", str(tmp_path / "b"), "--trusted", "--no-cache")
    assert trusted.exit_code == 0, trusted.output
    assert json.loads(trusted.stdout)["path"] == str(tmp_path / "b")


def test_a_descriptor_that_differs_from_the_index_is_refused(server, runner, tmp_path):
    descriptor = server.root / "1.0.0" / "datapackage.json"
    descriptor.chmod(0o644)
    descriptor.write_text(descriptor.read_text().replace('"version": "1.0.0"', '"version": "1.0.0" '))
    result = download(runner, server.url + "index.json", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3
    assert "does not match the sha256 the index publishes" in result.stderr
    assert not (tmp_path / "got").exists()


def test_an_index_that_is_not_json_is_a_clear_error(server, runner, tmp_path):
    (server.root / "index.json").write_text("<html>not an index</html>")
    result = download(runner, server.url + "index.json", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and "the index is not valid JSON" in result.stderr


# --- one-file releases, the canonical index, citation ------------------------------------------

ZIP = "belarus-prisoner-releases-2025-1.0.0.zip"


def test_a_release_is_also_a_deterministic_zip_listed_in_the_index(released, tmp_path):
    import hashlib
    import zipfile

    archive = released / "releases" / ZIP
    record = json.loads((released / "releases/index.json").read_text())["versions"][0]
    assert record["zip"] == {"path": ZIP, "bytes": archive.stat().st_size,
                             "sha256": hashlib.sha256(archive.read_bytes()).hexdigest()}
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        assert names == sorted(names) and all(n.startswith("belarus-prisoner-releases-2025-1.0.0/") for n in names)
        assert {i.date_time for i in opened.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    inside = {n.split("/", 1)[1] for n in names}
    assert inside == {p.relative_to(released / "releases/1.0.0").as_posix()
                      for p in (released / "releases/1.0.0").rglob("*") if p.is_file()}


def test_every_release_carries_the_workbook_and_the_one_file_report_in_its_folder_and_zip(released):
    """A reader without Python opens the workbook or the page; both are listed with their hashes, and the
    page links each source's article and names the version it describes."""
    import zipfile

    folder = released / "releases" / "1.0.0"
    meta = json.loads((folder / "datapackage.json").read_text())
    companions = {c["path"]: c for c in meta["companions"]}
    sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
    with zipfile.ZipFile(released / "releases" / ZIP) as opened:
        names = {n.split("/", 1)[1] for n in opened.namelist()}
    for name in ("belarus-prisoner-releases-2025.xlsx", "report.html"):
        assert (folder / name).is_file() and name in names and name in sums, name
        assert companions[name]["bytes"] == (folder / name).stat().st_size, name
    page = (folder / "report.html").read_text()
    assert "Version 1.0.0" in page and "<script" not in page
    urls = [line.split(",")[-1] for line in (folder / "data/sources.csv").read_text().splitlines()[1:]]
    assert urls and all(f'href="{url}"' in page or f"href='{url}'" in page for url in urls if url)


def test_zip_round_trip_over_http(server, runner, tmp_path):
    direct = download(runner, server.url + ZIP, "--to", str(tmp_path / "a"))
    assert direct.exit_code == 0, direct.output
    assert tree_digest(tmp_path / "a") == tree_digest(server.root / "1.0.0")
    through_index = download(runner, server.url + "index.json", "--zip", "--to", str(tmp_path / "b"), "--no-cache")
    assert through_index.exit_code == 0, through_index.output
    assert tree_digest(tmp_path / "b") == tree_digest(server.root / "1.0.0")
    assert f"/{ZIP}" in server.requests and not [r for r in server.requests if r.startswith("/1.0.0/data/")]
    check = runner.invoke(main, ["validate", str(server.root / ZIP), "--format", "json"])
    assert check.exit_code == 0 and json.loads(check.stdout)["valid"], check.output


def _hostile_zip(path: Path, release: Path, entry: str, data: bytes) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in release.rglob("*") if p.is_file()):
            archive.write(file, f"pkg/{file.relative_to(release).as_posix()}")
        archive.writestr(entry, data)


@pytest.mark.parametrize("entry, data, message", [
    ("pkg/../../escaped.txt", b"planted", "leaves the folder it unpacks into"),
    ("/tmp/absolute.txt", b"planted", "leaves the folder it unpacks into"),
    ("pkg/bomb.bin", b"\0" * (64 << 20), "refused as a zip bomb"),
])
def test_a_hostile_zip_is_refused_with_nothing_written(released, runner, tmp_path, entry, data, message):
    archive = tmp_path / "hostile.zip"
    _hostile_zip(archive, released / "releases" / "1.0.0", entry, data)
    work = tmp_path / "work"
    work.mkdir()
    result = download(runner, str(archive), "--to", str(work / "got"))
    assert result.exit_code == 3 and message in result.stderr, result.output
    assert list(work.iterdir()) == [] and not (tmp_path / "escaped.txt").exists()
    assert not list((tmp_path / "cache").glob(".unpack*"))
    check = runner.invoke(main, ["validate", str(archive), "--format", "json"])
    assert check.exit_code == 1 and message in check.stdout


def test_a_zip_with_a_file_sha256sums_does_not_list_is_refused(released, runner, tmp_path):
    archive = tmp_path / "extra.zip"
    _hostile_zip(archive, released / "releases" / "1.0.0", "pkg/authorized_keys", b"ssh-ed25519 AAAA attacker")
    result = download(runner, str(archive), "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and "SHA256SUMS" in result.stderr
    check = runner.invoke(main, ["validate", str(archive), "--format", "json"])
    assert check.exit_code == 1 and "unlisted-file" in check.stdout


def test_download_without_a_source_uses_the_index_the_environment_names(server, runner, tmp_path, monkeypatch):
    monkeypatch.setenv("PRISONER_DATA_INDEX", server.url + "index.json")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["download", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["version"] == "1.0.0"
    assert (tmp_path / "belarus-prisoner-releases-2025-1.0.0" / "datapackage.json").is_file()
    assert server.requests[0] == "/index.json"


def test_release_keeps_citation_and_zenodo_metadata_in_step(released):
    import sys

    citation = yaml.safe_load((released / "CITATION.cff").read_text())
    zenodo = json.loads((released / ".zenodo.json").read_text())
    assert citation["version"] == zenodo["version"] == "1.0.0"
    assert citation["date-released"] == "2025-12-20" and zenodo["publication_date"] == "2025-12-20"
    assert zenodo["license"] == "cc-by-4.0" and zenodo["creators"] and zenodo["related_identifiers"]
    cffconvert = Path(sys.executable).parent / "cffconvert"
    done = subprocess.run([str(cffconvert), "--validate", "-i", str(released / "CITATION.cff")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]


# --- the mistakes a person makes get a clear answer -----------------------------------------------

@pytest.mark.parametrize("given", ["folder", "descriptor", "file-url"])
def test_a_releases_folder_a_descriptor_or_a_file_url_is_taken_as_meant(released, runner, tmp_path, given):
    releases = released / "releases"
    source = {"folder": str(releases), "descriptor": str(releases / "1.0.0" / "datapackage.json"),
              "file-url": (releases / "index.json").as_uri()}[given]
    result = download(runner, source, "--to", str(tmp_path / "got"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["version"] == "1.0.0"
    assert tree_digest(tmp_path / "got") == tree_digest(releases / "1.0.0")


def test_latest_is_a_version_and_a_malformed_one_is_a_usage_error(released, runner, tmp_path):
    latest = download(runner, str(released / "releases"), "--version", "latest", "--to", str(tmp_path / "got"))
    assert latest.exit_code == 0 and json.loads(latest.stdout)["version"] == "1.0.0"
    wrong = download(runner, str(released / "releases"), "--version", "1.0", "--to", str(tmp_path / "no"))
    assert wrong.exit_code == 2
    assert "--version '1.0' is not a version: expected MAJOR.MINOR.PATCH such as 1.0.0, or latest" in wrong.stderr
    assert "try --version 1.0.0" in wrong.stderr and not (tmp_path / "no").exists()
    release = runner.invoke(main, ["release", "2.1", "--project", str(released)])
    assert release.exit_code == 2 and "VERSION '2.1' is not a version" in release.stderr
    assert "prisoner-data release 2.1.0" in release.stderr


@pytest.mark.parametrize("source, words", [
    ("http://no-such-host.invalid/index.json", "cannot reach no-such-host.invalid: the name does not resolve"),
    ("CLOSED", "the connection was refused (no server listening there)"),
])
def test_an_unreachable_server_is_said_in_words_with_what_to_do_instead(runner, tmp_path, source, words):
    import socket

    if source == "CLOSED":
        with socket.socket() as probe:  # a port nothing listens on once the probe is closed
            probe.bind(("127.0.0.1", 0))
            source = f"http://127.0.0.1:{probe.getsockname()[1]}/index.json"
    result = download(runner, source, "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and words in result.stderr, result.stderr
    assert "Connection(" not in result.stderr and "object at 0x" not in result.stderr  # no library repr
    assert "prisoner-data download PATH" in result.stderr and not (tmp_path / "got").exists()


@pytest.mark.parametrize("source, words", [
    ("missing", "no such file or folder; expected a release folder, a release zip, or an index.json"),
    ("empty", "holds neither a release (datapackage.json) nor an index (index.json)"),
])
def test_a_local_source_that_is_not_a_release_is_a_usage_error(runner, tmp_path, source, words):
    (tmp_path / "empty").mkdir()
    result = download(runner, str(tmp_path / source), "--to", str(tmp_path / "got"))
    assert result.exit_code == 2 and words in result.stderr, result.stderr


def test_a_release_rewrites_the_readmes_latest_release_block(project, runner, monkeypatch, tmp_path):
    from toolkit.publish.citation import README_END, README_START

    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    (project / "README.md").write_text(f"# A project\n\n{README_START}\nold text\n{README_END}\n\n## Rest\n")
    result = runner.invoke(main, ["release", "1.0.0", "--project", str(project), "--date", "2025-12-20"])
    assert result.exit_code == 0, result.output
    readme = (project / "README.md").read_text()
    assert "old text" not in readme and "**Latest version: 1.0.0**, released 2025-12-20" in readme
    assert "releases/belarus-prisoner-releases-2025-1.0.0.zip" in readme
    assert "1.0.0/belarus-prisoner-releases-2025.xlsx" in readme  # the release has the workbook: offered
    assert "[report.html](" in readme and "1.0.0/report.html)" in readme  # and the page, both before the zip
    assert readme.index("report.html") < readme.index(".zip") and readme.index(".xlsx") < readme.index(".zip")
    assert "(CSV, Parquet, SQLite, the workbook, the HTML report, descriptors, README, data dictionary)" in readme
    assert readme.startswith("# A project\n") and readme.endswith("\n\n## Rest\n")


# --- release: dry run, what comes after, and what holds a release back ------------------------------

def _every_path(root: Path) -> dict[str, str]:
    """Every file (with its sha256) and every folder under root: a dry run must leave them all as they were."""
    files = tree_digest(root)
    return {**files, **{p.relative_to(root).as_posix() + "/": "dir" for p in root.rglob("*") if p.is_dir()}}


def test_a_dry_run_checks_the_release_says_what_it_would_write_and_writes_nothing(released, runner):
    _edit_claim(released, "    value: prominent opposition activist\n", "    value: opposition activist\n")
    before = _every_path(released)
    result = runner.invoke(main, ["release", "--bump", "auto", "--dry-run", "--project", str(released)])
    assert result.exit_code == 0, result.output
    assert "would release 1.0.1 (patch) to releases/1.0.1/; dry run: nothing was written" in result.stdout
    assert "  releases/1.0.1/datapackage.json\n" in result.stdout
    assert "  releases/belarus-prisoner-releases-2025-1.0.1.zip\n" in result.stdout
    assert "git tag" not in result.stdout
    assert _every_path(released) == before
    as_json = runner.invoke(main, ["release", "--bump", "auto", "--dry-run", "--format", "json",
                                   "--project", str(released)])
    assert json.loads(as_json.stdout)["dry_run"] is True and _every_path(released) == before
    # and a dry run fails where the release would: nothing new is refused the same way
    _edit_claim(released, "    value: opposition activist\n", "    value: prominent opposition activist\n")
    refused = runner.invoke(main, ["release", "--bump", "auto", "--dry-run", "--project", str(released)])
    assert refused.exit_code == 3 and "nothing to release" in refused.stderr


def test_after_a_release_datapackage_follows_it_and_the_next_steps_are_printed(project, runner, monkeypatch,
                                                                              tmp_path):
    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    result = runner.invoke(main, ["release", "1.0.0", "--project", str(project), "--date", "2025-12-20"])
    assert result.exit_code == 0, result.output
    built = json.loads((project / "datapackage" / "datapackage.json").read_text())
    assert built["version"] == "1.0.1-dev"  # the development version after 1.0.0, not the one before it
    assert "rebuilt datapackage/ (now 1.0.1-dev)" in result.stdout
    fresh = runner.invoke(main, ["build", "--project", str(project), "--out", str(tmp_path / "fresh"), "-q"])
    assert fresh.exit_code == 0 and tree_digest(tmp_path / "fresh") == tree_digest(project / "datapackage")
    steps = result.stdout.split("next, in ", 1)[1].splitlines()[1:]
    assert [s.strip() for s in steps] == [
        "git add .zenodo.json CITATION.cff datapackage docs releases",
        'git commit -m "Release 1.0.0 of the dataset"', "git tag v1.0.0", "git push origin HEAD v1.0.0"]
    assert "not a git checkout" in result.stderr  # it says what it could not check


def _git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


def test_uncommitted_seeds_hold_a_release_back_unless_forced(project, runner, monkeypatch, tmp_path):
    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "seeds")
    _edit_claim(project, "    value: prominent opposition activist\n", "    value: opposition activist\n")
    before = _every_path(project)
    for extra in ([], ["--dry-run"]):
        result = runner.invoke(main, ["release", "1.0.0", "--project", str(project), *extra])
        assert result.exit_code == 3, result.output
        assert "1 file(s) of seeds/ or schemas/ are not committed (seeds/claims/fixture-herald-2025-12-14.yaml)" \
            in result.stderr
        assert "--force" in result.stderr
        assert _every_path(project) == before
    forced = runner.invoke(main, ["release", "1.0.0", "--force", "--project", str(project)])
    assert forced.exit_code == 0, forced.output
    assert "warning: 1 file(s) of seeds/ or schemas/ are not committed" in forced.stderr
    assert (project / "releases" / "1.0.0" / "datapackage.json").is_file()


def test_an_open_error_awaiting_a_curator_holds_a_release_back_unless_forced(project, runner, monkeypatch,
                                                                            tmp_path):
    from .projectkit import add_article

    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    add_article(project, "testdesk-2025-12-17", "Belarus freed 44 prisoners on December 13.\n",
                published="2025-12-17", claims=[{"id": "td-001", "subject": "release-fx-december",
                                                 "property": "released_count", "value": 44,
                                                 "quote": "Belarus freed 44 prisoners"}])
    result = runner.invoke(main, ["release", "1.0.0", "--project", str(project)])
    assert result.exit_code == 3, result.output
    assert ("1 open error(s) await a curator's review (release-fx-december.released_count.value): see "
            "`prisoner-data conflicts --needs-review`") in result.stderr
    assert not (project / "releases").exists()
    forced = runner.invoke(main, ["release", "1.0.0", "--force", "--project", str(project)])
    assert forced.exit_code == 0 and "warning: 1 open error(s) await" in forced.stderr


def test_diff_and_the_changelog_open_with_what_changed_for_a_reader_in_words(released, runner):
    """Values changed with old and new, sources added, disagreements opened: sentences first, the rows after."""
    from .projectkit import add_article

    _edit_claim(released, "    value: prominent opposition activist\n", "    value: opposition activist\n")
    add_article(released, "testdesk-2025-12-17", "Belarus freed 44 prisoners on December 13.\n", published="2025-12-17",
                claims=[{"id": "td-001", "subject": "release-fx-december", "property": "released_count", "value": 44,
                         "quote": "Belarus freed 44 prisoners"}])
    result = runner.invoke(main, ["release", "--bump", "auto", "--force", "--project", str(released),
                                  "--date", "2026-01-05"])
    assert result.exit_code == 0, result.output
    entry = (released / "releases" / "CHANGELOG.md").read_text().split("## 1.1.0", 1)[1].split("\n## ", 1)[0]
    words, details = entry.split("Details (minor change):")
    assert "What changed for a reader since 1.0.0:" in words
    assert "- New sources (1): Test Desk\n" in words
    assert "- Disagreement release-fx-december.released_count.value: resolved by curator -> open\n" in words
    assert "- people Lena Fictiona: roles changed from prominent opposition activist, opposition activist to " \
           "opposition activist\n" in words  # a list as a list, not joined with |
    assert "released count changed from 40 to in dispute (" in words  # the curator's 40 no longer stands
    assert "None -> ''" not in entry and "field added" not in words
    assert "sources: 1 rows added" in details
    diff = runner.invoke(main, ["diff", str(released / "releases/1.0.0"), str(released / "releases/1.1.0")])
    assert diff.exit_code == 0, diff.output
    assert diff.stdout.startswith("What changed for a reader (1.0.0 -> 1.1.0):\n- ")
    assert diff.stdout.index("New sources (1): Test Desk") < diff.stdout.index("\nDetails:\n")
    as_json = json.loads(runner.invoke(main, ["diff", str(released / "releases/1.0.0"),
                                              str(released / "releases/1.1.0"), "--format", "json"]).stdout)
    assert "New sources (1): Test Desk" in as_json["summary"]


def test_a_changed_count_is_said_with_its_qualifier_old_and_new():
    from toolkit.publish.diff import PackageDiff, ResourceDiff, summarize

    before = {"release_id": "r", "name": "The June release", "released_count": "100",
              "released_count_qualifier": "more_than", "released_count_status": "single_source"}
    after = {**before, "released_count": "123", "released_count_qualifier": "exact", "released_count_status": "agreed"}
    entry = ResourceDiff("releases")
    entry.changed.append({"key": ["r"], "changes": {c: [before[c], after[c]] for c in after if before[c] != after[c]}})
    entry.whole[("r",)] = (before, after)
    diff = PackageDiff("1.0.0", "1.0.1", resources=[entry])
    assert summarize(diff) == ["releases The June release: released count changed from more than 100 to 123"]
