"""A hostile release corpus, served by a real HTTP server on 127.0.0.1: each case must be refused,
in bounded time and memory, with nothing written outside the target and the cache."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import random
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from toolkit.cli import main

from .conftest import PEAK_MEMORY_AT_EXIT, ROOT, assemble_project, once_per_run, tree_digest
from .httpkit import Server, endless, redirect, trickle

pytestmark = pytest.mark.slow  # servers that misbehave on purpose: left out of `make test-fast`

VERSION = "1.0.0"


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """releases/ of a scratch copy of the project with 1.0.0 published (once per run)."""
    def make(folder: Path) -> Path:
        from toolkit.pipeline import publish_release
        from toolkit.project import open_project

        root = assemble_project(folder)
        publish_release(open_project(root), VERSION, date=dt.date(2025, 12, 20))
        return root / "releases"

    return once_per_run(tmp_path_factory, "published", make)


@pytest.fixture
def site(published, tmp_path, monkeypatch):
    """A writable copy of the release served over HTTP; downloads run in an empty folder with their own cache."""
    root = tmp_path / "site"
    shutil.copytree(published, root)
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    server = Server(root)
    yield server
    server.close()


def download(runner, *args):
    return runner.invoke(main, ["download", *args, "--format", "json"])


def written(tmp_path: Path) -> list[str]:
    """Every file the download could have written: everything outside the served site and the cache."""
    return sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                  if not p.is_dir() and p.relative_to(tmp_path).parts[0] not in ("site", "cache"))


def republish(site: Server, edit_meta=None, edit_sums=None, edit_index=None) -> None:
    """Rewrite the release as its publisher could: descriptor, SHA256SUMS and index kept consistent."""
    folder = site.root / VERSION
    meta = json.loads((folder / "datapackage.json").read_text())
    if edit_meta:
        edit_meta(meta)
    data = json.dumps(meta, indent=2).encode()
    (folder / "datapackage.json").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    sums = [f"{digest}  datapackage.json" if line.endswith("  datapackage.json") else line
            for line in (folder / "SHA256SUMS").read_text().splitlines()]
    if edit_sums:
        sums = edit_sums(sums)
    (folder / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    index = json.loads((site.root / "index.json").read_text())
    for record in index["versions"]:
        record["datapackage_sha256"] = digest
        if "version" in meta and record["version"] == VERSION:
            record["version"] = meta["version"]
    index["latest"] = index["versions"][-1]["version"]
    if edit_index:
        edit_index(index)
    (site.root / "index.json").write_text(json.dumps(index))


# --- names and paths --------------------------------------------------------------------------

@pytest.mark.parametrize("field, value", [
    ("name", "../../../../evil"), ("name", "a/b"), ("version", "../../../../home/x/.ssh"),
    ("version", "1.0.0/../../x"),
])
def test_the_release_cannot_choose_the_folder_it_is_written_to(site, runner, tmp_path, field, value):
    republish(site, edit_meta=lambda meta: meta.__setitem__(field, value))
    result = download(runner, site.url + "index.json", "--version", VERSION) if field == "name" \
        else download(runner, site.url + f"{VERSION}/")
    assert result.exit_code == 3, result.output
    assert "refused" in result.stderr
    assert written(tmp_path) == []


@pytest.mark.parametrize("extra", ["authorized_keys", "../../home/x/.ssh/authorized_keys",
                                   "https://other.invalid/payload", "data/extra.csv"])
def test_sha256sums_must_list_exactly_the_descriptors_files(site, runner, tmp_path, extra):
    (site.root / VERSION / "authorized_keys").write_text("ssh-ed25519 AAAA attacker\n")
    digest = hashlib.sha256(b"ssh-ed25519 AAAA attacker\n").hexdigest()
    republish(site, edit_sums=lambda sums: [*sums, f"{digest}  {extra}"])
    for trusted in ((), ("--trusted",)):
        result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"), *trusted)
        assert result.exit_code == 3, result.output
        assert "SHA256SUMS lists files the descriptor does not name" in result.stderr
    assert not [r for r in site.requests if "authorized_keys" in r or "extra" in r]
    assert written(tmp_path) == []


def test_a_file_the_descriptor_names_but_sha256sums_omits_is_refused(site, runner, tmp_path):
    republish(site, edit_sums=lambda sums: [s for s in sums if not s.endswith("data/people.csv")])
    result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and "SHA256SUMS does not list data/people.csv" in result.stderr
    assert written(tmp_path) == []


def test_a_symlink_in_a_local_release_is_refused(site, runner, tmp_path):
    people = site.root / VERSION / "data" / "people.csv"
    size = people.stat().st_size
    people.unlink()
    people.symlink_to("/dev/zero")
    result = download(runner, str(site.root / "index.json"), "--to", str(tmp_path / "got"))
    assert result.exit_code == 3
    assert "is a symbolic link" in result.stderr and "refused" in result.stderr
    assert written(tmp_path) == [] and size > 0


def test_a_release_without_resources_is_refused(site, runner, tmp_path):
    republish(site, edit_meta=lambda meta: meta.__setitem__("resources", []),
              edit_sums=lambda sums: [s for s in sums if s.endswith(("datapackage.json", "CHANGELOG.md"))])
    result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and "lists no resources" in result.stderr
    assert written(tmp_path) == []


@pytest.mark.parametrize("companions", [5, "CHANGELOG.md", {"path": "CHANGELOG.md"}, [{"path": ["CHANGELOG.md"]}]])
def test_companions_of_the_wrong_shape_are_refused(site, runner, tmp_path, companions):
    republish(site, edit_meta=lambda meta: meta.__setitem__("companions", companions))
    result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3, result.output
    assert "refused" in result.stderr and "Traceback" not in result.output
    assert written(tmp_path) == []


# --- origins ----------------------------------------------------------------------------------

def test_a_redirect_to_another_origin_needs_trusted(site, runner, tmp_path):
    other = Server(site.root)
    try:
        site.routes[f"/{VERSION}/data/people.csv"] = redirect(other.url + f"{VERSION}/data/people.csv")
        refused = download(runner, site.url + "index.json", "--to", str(tmp_path / "a"))
        assert refused.exit_code == 3
        assert "another host or scheme than the release" in refused.stderr
        assert other.requests == [] and written(tmp_path) == []
        allowed = download(runner, site.url + "index.json", "--to", str(tmp_path / "b"), "--trusted", "--no-cache")
        assert allowed.exit_code == 0, allowed.output
        assert other.requests == [f"/{VERSION}/data/people.csv"]
    finally:
        other.close()


def test_a_redirect_to_another_scheme_is_refused_even_when_trusted(site, runner, tmp_path):
    site.routes[f"/{VERSION}/datapackage.json"] = redirect("file:///etc/passwd")
    result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"), "--trusted")
    assert result.exit_code == 3 and "scheme other than http(s)" in result.stderr
    assert written(tmp_path) == []


def test_an_index_entry_on_another_host_needs_trusted(site, runner, tmp_path):
    other = Server(site.root)
    try:
        republish(site, edit_index=lambda index: index["versions"][0].__setitem__("path", other.url + f"{VERSION}/"))
        refused = download(runner, site.url + "index.json", "--to", str(tmp_path / "a"))
        assert refused.exit_code == 3 and "another host" in refused.stderr
        assert other.requests == []
        allowed = download(runner, site.url + "index.json", "--to", str(tmp_path / "b"), "--trusted")
        assert allowed.exit_code == 0, allowed.output
    finally:
        other.close()


def test_an_index_path_that_climbs_out_is_refused(site, runner, tmp_path):
    republish(site, edit_index=lambda index: index["versions"][0].__setitem__("path", "../../1.0.0/"))
    result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"), "--trusted")
    assert result.exit_code == 3 and "leaves the package directory" in result.stderr


def test_the_cache_applies_the_same_policy_as_a_fresh_download(site, runner, tmp_path):
    def remote_people(meta):
        people = next(r for r in meta["resources"] if r["name"] == "people")
        people["path"] = "https://other.invalid/people.csv"

    republish(site, edit_meta=remote_people, edit_sums=lambda sums: [s for s in sums if not s.endswith("  data/people.csv")])
    first = download(runner, site.url + "index.json", "--to", str(tmp_path / "a"), "--trusted")
    assert first.exit_code == 0, first.output
    assert any((tmp_path / "cache").iterdir())
    again = download(runner, site.url + "index.json", "--to", str(tmp_path / "b"))
    assert again.exit_code == 3 and "points to a URL" in again.stderr
    assert not (tmp_path / "b").exists()


# --- sizes and time ---------------------------------------------------------------------------

def test_an_endless_data_file_is_cut_at_its_declared_size(site, runner, tmp_path):
    site.routes[f"/{VERSION}/data/claims.csv"] = endless()
    started = time.monotonic()
    result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3
    assert "sent more than its" in result.stderr
    assert time.monotonic() - started < 20  # the server would go on for 30 s
    assert written(tmp_path) == []


@pytest.mark.parametrize("name", ["index.json", f"{VERSION}/datapackage.json", f"{VERSION}/SHA256SUMS"])
def test_endless_small_files_are_cut_at_their_caps(site, runner, tmp_path, name):
    site.routes[f"/{name}"] = endless()
    source = site.url + ("index.json" if name == "index.json" else f"{VERSION}/")
    result = download(runner, source, "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and "refused" in result.stderr
    assert written(tmp_path) == []


def test_a_lying_content_length_is_refused_before_reading(site, runner, tmp_path):
    site.routes[f"/{VERSION}/data/claims.csv"] = endless(declared=10 ** 12, seconds=2)
    result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and "were declared; refused" in result.stderr


def test_a_trickling_server_is_cut_off_at_the_deadline(site, runner, tmp_path):
    data = (site.root / VERSION / "data" / "claims.csv").read_bytes()
    site.routes[f"/{VERSION}/data/claims.csv"] = trickle(data, every=0.2)
    started = time.monotonic()
    result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"), "--timeout", "2")
    elapsed = time.monotonic() - started
    assert result.exit_code == 3 and "took longer than 2 s" in result.stderr
    assert elapsed < 6, elapsed
    assert written(tmp_path) == []


def test_a_compressed_body_is_never_decompressed(site, runner, tmp_path):
    data = (site.root / VERSION / "data" / "claims.csv").read_bytes()
    bomb = gzip.compress(b"0" * (50 << 20))

    def answer(handler):
        handler.send_response(200)
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write((bomb * (len(data) // len(bomb) + 1))[: len(data)])

    site.routes[f"/{VERSION}/data/claims.csv"] = answer
    result = download(runner, site.url + "index.json", "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and "does not match its sha256" in result.stderr


def test_an_endless_file_takes_bounded_memory(site, tmp_path):
    """In a process of its own, so its peak memory is its own: far below what the endless body would take."""
    site.routes[f"/{VERSION}/data/claims.csv"] = endless(seconds=15)
    code = (PEAK_MEMORY_AT_EXIT + "from toolkit.cli import main\n"
            f"main(['download', {site.url + 'index.json'!r}, '--to', {str(tmp_path / 'got')!r}])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 3, done.stderr
    peak_kib = int(done.stderr.split("maxrss")[-1])
    assert peak_kib < 150 * 1024, peak_kib


# --- zips: every entry checked against the listed files and the ratios before anything is written --------

def _release_zip(path: Path, release: Path, extra: dict[str, bytes], listed: bool = False) -> None:
    """The release folder zipped under pkg/, with `extra` entries; `listed` adds them to its SHA256SUMS too."""
    import hashlib
    import zipfile

    sums = (release / "SHA256SUMS").read_text()
    if listed:
        sums += "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in extra.items())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in release.rglob("*") if p.is_file()):
            name = file.relative_to(release).as_posix()
            archive.writestr(f"pkg/{name}", sums if name == "SHA256SUMS" else file.read_bytes())
        for name, data in extra.items():
            archive.writestr(f"pkg/{name}", data)


def _unpacked_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("padding, words", [
    (lambda n: b"\0" * (1 << 20), "would expand"),  # 1 MiB of zeros each: once 313 MB in the cache before exit 3
    (lambda n: random.Random(n).randbytes(8 << 10), "holds files SHA256SUMS does not list (pkg/padding/000.bin"),
])
def test_unlisted_entries_are_refused_before_any_is_unpacked(published, runner, tmp_path, monkeypatch, padding,
                                                             words):
    archive = tmp_path / "padded.zip"
    _release_zip(archive, published / VERSION, {f"padding/{n:03d}.bin": padding(n) for n in range(300)})
    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    result = download(runner, str(archive), "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and words in result.stderr, result.stderr
    assert "nothing was" in result.stderr and not (tmp_path / "got").exists()
    assert _unpacked_bytes(tmp_path / "cache") < 1 << 20
    check = runner.invoke(main, ["validate", str(archive), "--format", "json"])
    report = json.loads(check.stdout)
    assert check.exit_code == 1
    if "expand" in words:  # refused from its headers, as the download was
        assert [i["type"] for i in report["issues"]] == ["unsafe-archive"]
    else:  # each one reported, none unpacked
        assert len([i for i in report["issues"] if i["type"] == "unlisted-file"]) == 300


@pytest.mark.parametrize("extra, words", [
    ({"bomb.bin": b"\0" * (1 << 20)}, "would expand"),  # one entry of exactly 1 MiB, listed (once let through)
    ({f"parts/{n:04d}.bin": b"\0" * (60 << 10) for n in range(2000)}, "as a whole"),  # each under 64 KiB
])
def test_a_bomb_its_own_sha256sums_lists_is_refused_by_its_ratio(published, runner, tmp_path, monkeypatch, extra,
                                                                 words):
    archive = tmp_path / "bomb.zip"
    _release_zip(archive, published / VERSION, extra, listed=True)
    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    result = download(runner, str(archive), "--to", str(tmp_path / "got"))
    assert result.exit_code == 3 and words in result.stderr and "zip bomb" in result.stderr, result.stderr
    assert not (tmp_path / "got").exists()
    assert _unpacked_bytes(tmp_path / "cache") < 1 << 20  # refused from the headers: nothing of it was written


# --- redirects over HTTP/1.1 keep-alive -------------------------------------------------------------

@pytest.fixture
def kept_alive(site):
    """The same release from a threaded HTTP/1.1 server that keeps each connection open."""
    server = Server(site.root, keep_alive=True)
    yield server
    server.close()


def test_same_origin_redirects_work_on_a_kept_alive_connection(kept_alive, runner, tmp_path):
    """Once "cannot reach the server: ResponseNotReady('Request-sent')": each 302 (with a body, as real
    servers send) left unread on a connection the next request then used."""
    release = kept_alive.root / VERSION
    for file in release.rglob("*"):
        if file.is_file():
            name = f"/{VERSION}/{file.relative_to(release).as_posix()}"
            kept_alive.routes[name] = redirect(name + "?moved=1", body=b"Found. Redirecting to " + name.encode())
    result = download(runner, kept_alive.url + "index.json", "--to", str(tmp_path / "got"), "--no-cache")
    assert result.exit_code == 0, result.output
    assert tree_digest(tmp_path / "got") == tree_digest(release)
    assert sum(1 for r in kept_alive.requests if r.endswith("?moved=1")) > 10


def test_a_redirect_loop_and_an_over_long_chain_are_said_as_such(kept_alive, runner, tmp_path):
    kept_alive.routes["/index.json"] = redirect("/a", body=b"see /a")
    kept_alive.routes["/a"] = redirect("/index.json", body=b"see /index.json")
    loop = download(runner, kept_alive.url + "index.json", "--to", str(tmp_path / "got"))
    assert loop.exit_code == 3 and "redirects the index in a loop" in loop.stderr, loop.stderr
    assert f"{kept_alive.url}index.json -> {kept_alive.url}a -> {kept_alive.url}index.json" in loop.stderr
    for hop in range(7):
        kept_alive.routes[f"/hop{hop}"] = redirect(f"/hop{hop + 1}", body=b"next")
    kept_alive.routes["/index.json"] = redirect("/hop0")
    chain = download(runner, kept_alive.url + "index.json", "--to", str(tmp_path / "got"))
    assert chain.exit_code == 3 and "more than 5 redirects for the index" in chain.stderr, chain.stderr
    assert not (tmp_path / "got").exists()
