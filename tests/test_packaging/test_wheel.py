"""The built wheel works on its own: installed (not editable) into a fresh virtual environment, from a folder far
from the checkout, `newskg extract`, `ingest`, `serve` and a page fetch all run, reading the ontology, shapes,
lexicon, templates and queries from inside the installed package. The environment borrows the checkout's installed
dependencies through a .pth line (nothing is downloaded), never the checkout's own code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import venv
from pathlib import Path

import httpx
import pytest

from newskg.ingest.resources import PROJECT_ROOT

pytestmark = pytest.mark.slow
ARTICLE = PROJECT_ROOT / "tests" / "test_extract" / "data" / "trade-dispute.txt"


def _run(command: list[str], cwd: Path, **options: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300, **options)
    assert result.returncode == 0, (command, result.stdout[-3000:], result.stderr[-3000:])
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel built from the tracked files of the checkout installed in it; its bin folder."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    tracked = _run(["git", "ls-files", "-z"], PROJECT_ROOT).stdout.split("\0")
    for name in filter(None, tracked):
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (PROJECT_ROOT / name).is_file():
            shutil.copy2(PROJECT_ROOT / name, target)
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w",
          str(root / "dist"), str(source)], root)
    [wheel] = (root / "dist").glob("newskg-*.whl")
    environment = root / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], root)
                .stdout.strip())
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], root)
    return environment / "bin"


def test_the_package_is_the_installed_one(installed: Path, tmp_path: Path) -> None:
    where = _run([str(installed / "python"), "-c", "import newskg.ingest.resources as r; print(r.ONTOLOGY_DIR)"],
                 tmp_path).stdout.strip()
    assert "site-packages" in where and not where.startswith(str(PROJECT_ROOT))


def test_extract_ingest_serve_and_a_page_from_another_folder(installed: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(ARTICLE, article)
    extracted = json.loads(_run([str(installed / "newskg"), "extract", "--json", str(article)], tmp_path).stdout)
    labels = {a["label"] for a in extracted["actors"]}
    assert "Helena Marques" in labels and extracted["statements"]
    store = tmp_path / "store"
    ingested = _run([str(installed / "newskg"), "--store", str(store), "ingest", str(article)], tmp_path)
    assert "1 accepted" in ingested.stdout
    port = _free_port()
    server = subprocess.Popen([str(installed / "newskg"), "--store", str(store), "serve", "--port", str(port)],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env={**os.environ, "NEWSKG_WRITE_TOKEN": ""})
    try:
        base = f"http://127.0.0.1:{port}"
        home = _wait_for(base + "/")
        assert "newskg" in home.text
        actor = httpx.get(base + "/id/actor/helena-marques", headers={"accept": "text/html"}, timeout=30)
        assert actor.status_code == 200 and "Helena Marques" in actor.text
        term = httpx.get(base + "/ontology/Allegation", headers={"accept": "text/turtle"}, timeout=30)
        assert term.status_code == 200 and "Allegation" in term.text
    finally:
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str) -> httpx.Response:
    deadline = time.monotonic() + 90
    while True:
        try:
            response = httpx.get(url, headers={"accept": "text/html"}, timeout=10)
            if response.status_code == 200:
                return response
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"no answer from {url}")
        time.sleep(0.5)
