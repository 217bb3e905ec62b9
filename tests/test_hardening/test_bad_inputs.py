"""The bad-input corpus (bad_inputs/, made by make_bad_inputs.py) through every door an article comes in by:
the pipeline, the `newskg ingest` command, and POST /articles on a real server.

Each case ends in exactly the outcome of the table: failed with the message naming what is wrong (and the store
unchanged, byte for byte), or accepted with a correct stored text (and every text selector grounded in it).
Never a traceback, never a 500.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from xml.etree import ElementTree

import httpx
import pytest

from newskg.ingest.cli import main
from newskg.ingest.namespaces import NKG
from newskg.ingest.outcome import Status
from newskg.ingest.pipeline import Pipeline
from newskg.store.embedded import OxigraphStore
from store_checks import (
    graph_from_store,
    graphs_of,
    nquads,
    nquads_of_dir,
    stored_text,
    ungrounded_selectors,
)

pytestmark = pytest.mark.backends
# checks of the request, the files on offer or the reader, where the store is a bystander: run on one backend
STORE_IS_A_BYSTANDER = pytest.mark.backends("embedded")

CORPUS = Path(__file__).parent / "bad_inputs"
MEDIA_TYPE_BY_SUFFIX = {".txt": "text/plain", ".html": "text/html", ".json": "application/json"}
FIFTY_MB = 50 * 1024 * 1024
LONG_LINE_CHARS = 20_000  # one line; 300,000 work too but take a minute and a half
NOT_HTML = "x-script-payload", "x-onclick-payload", "x-noscript-payload", "display:none", "javascript:"


@dataclass(frozen=True)
class Case:
    file: str
    status: Status
    message: str = ""                     # for FAILED: the exact message; {name} is the input's name
    contains: tuple[str, ...] = ()        # for ACCEPTED: found in the stored text
    absent: tuple[str, ...] = ()          # for ACCEPTED: not in the stored text


def failed(file: str, message: str) -> Case:
    return Case(file, Status.FAILED, message)


def accepted(file: str, contains: tuple[str, ...] = (), absent: tuple[str, ...] = ()) -> Case:
    return Case(file, Status.ACCEPTED, contains=contains, absent=absent)


BINARY = "{name}: binary file (%s), not an article text"
NO_BODY_TEXT = "{name}: no article body found (only headings, links and page furniture)"
CASES = [
    # nothing there
    failed("empty.txt", "{name}: empty file"),
    failed("empty.json", "{name}: empty file"),
    failed("only-whitespace.txt", "{name}: empty file"),
    failed("only-unicode-whitespace.txt", "{name}: empty file (only whitespace)"),
    # not text
    failed("binary-png.txt", BINARY % "a PNG image"),
    failed("binary-pdf.html", BINARY % "a PDF document"),
    failed("binary-gzip.json", BINARY % "a gzip archive"),
    failed("binary-nul-bytes.txt", BINARY % "contains NUL bytes"),
    failed("control-characters-heavy.txt", BINARY % "too many control characters"),
    # encodings
    failed("truncated-utf8.txt", "{name}: truncated: the file ends in the middle of a UTF-8 character"),
    failed("mixed-encodings.txt",
           "{name}: mixed text encodings (invalid UTF-8 at byte 301, though other parts are UTF-8); save it as UTF-8"),
    accepted("cp1252.txt", contains=("café", "€40m", "Windows-1252 \u2019smart\u2019 quotes")),
    accepted("latin-1.txt", contains=("café", "£40m", "señor Müller")),
    accepted("utf16-bom.txt", contains=("café", "UTF-16 with BOM"), absent=("\ufeff", "\x00")),
    accepted("utf16-le-no-bom.txt", contains=("café", "UTF-16 without BOM"), absent=("\x00",)),
    accepted("utf8-bom.txt", contains=("UTF-8 with BOM",), absent=("\ufeff",)),
    accepted("crlf-and-cr-newlines.txt", contains=("CR LF newlines",), absent=("\r",)),
    # JSON of the wrong shape
    failed("not-json.json", "{name}: not valid JSON (Expecting value at line 1, column 1)"),
    failed("truncated.json", "{name}: not valid JSON (Unterminated string starting at at line 1, column 27)"),
    failed("json-list.json", "{name}: JSON must be an object with the article's fields, not a list"),
    failed("json-string.json", "{name}: JSON must be an object with the article's fields, not a str"),
    failed("json-missing-text.json", '{name}: JSON article needs a non-empty "text" or "html" field'),
    failed("json-text-not-string.json", "{name}: field 'text' must be a string, not int"),
    failed("json-nested-garbage.json", "{name}: field 'text' must be a string, not dict"),
    failed("json-bad-date.json", "{name}: 'next blue moon' is not a date (expected e.g. 2024-12-05)"),
    failed("json-author-not-string.json", "{name}: field 'authors' must be a name or a list of names"),
    failed("json-deeply-nested.json", "{name}: not valid JSON (nested too deeply)"),
    failed("json-lone-surrogate.json",
           "{name}: JSON holds a lone UTF-16 surrogate (\\ud800), which is not a character"),
    accepted("json-nul-escape.json", contains=("NUL  escape",), absent=("\x00",)),
    # hostile or broken HTML, pages without an article
    accepted("script-and-html.html", contains=("Officials in Velmar", "script in HTML"), absent=NOT_HTML),
    accepted("html-in-plain-text.txt", contains=("<script>alert('x-text-payload')</script>", "<b>tags</b> & amp")),
    failed("deeply-nested.html",
           "{name}: HTML nested too deeply (over 255 levels of elements); the page cannot be read whole"),
    accepted("truncated.html", contains=("Officials in Velmar",), absent=("<di",)),
    failed("only-clutter.txt", NO_BODY_TEXT),
    failed("only-headings.txt", NO_BODY_TEXT),
    failed("only-clutter.html", "{name}: no article body found in the HTML page"),
    # strange but legitimate text: kept exactly, but for the control characters XML cannot carry
    accepted("control-characters-sparse.txt", contains=("a bell  and an escape [0m",), absent=("\x07", "\x1b")),
    accepted("zero-width-and-bidi-controls.txt", contains=("zero\u200bwidth\u200d", "\u202eoverride\u202c")),
    accepted("emoji-astral.txt", contains=("\U0001F680\U0001F1FA\U0001F1E6", "\U0001D4D0")),
    accepted("arabic-rtl.txt", contains=("آنا كوفالينكو",)),
    accepted("hebrew-rtl.txt", contains=("אנה קובלנקו",)),
    accepted("german.txt", contains=("„Wir werden nicht zulassen, dass der Hafen wieder schließt“",)),
    accepted("mixed-scripts.txt", contains=("Пресс-служба заявила, 新闻 and العربية",)),
]
BIG_CASES = [
    failed("page-of-50-mb.html", "{name}: too large (52428800 bytes; the limit is 20971520)"),
    accepted("one-line-of-20k-characters.txt", contains=("Officials in Velmar",)),
]


def make_big_inputs(folder: Path) -> None:
    """Made at test time, never committed: a 50 MB HTML page and an article whose body is one enormous line."""
    page = folder / "page-of-50-mb.html"
    with page.open("wb") as out:
        out.write(b"<!DOCTYPE html><html><body><article>")
        paragraph = b"<p>" + b"Officials in Velmar said the port would reopen. " * 20 + b"</p>\n"
        while out.tell() < FIFTY_MB - 100:
            out.write(paragraph[: FIFTY_MB - 100 - out.tell()])
        out.write(b"</article></body></html>")
    with page.open("r+b") as out:
        out.truncate(FIFTY_MB)
    sentence = "Officials in Velmar said on Tuesday that the port would reopen to grain ships after the strikes. "
    line = (sentence * (LONG_LINE_CHARS // len(sentence) + 1))[:LONG_LINE_CHARS].rstrip() + "\n"
    (folder / "one-line-of-20k-characters.txt").write_text("Port of Velmar reopens\n\n" + line, encoding="utf-8")


def expected_message(case: Case, name: str) -> str:
    return case.message.format(name=name)


def check_accepted_graph(store: OxigraphStore, graph_iri: str, case: Case) -> None:
    graph = graph_from_store(store, graph_iri)
    text = stored_text(graph)
    assert ungrounded_selectors(graph) == []
    for part in case.contains:
        assert part in text, f"{case.file}: {part!r} not in the stored text"
    for part in case.absent:
        assert part not in text, f"{case.file}: {part!r} in the stored text"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad-inputs")
    for case in CASES:
        shutil.copy(CORPUS / case.file, folder / case.file)
    make_big_inputs(folder)
    return folder


def test_the_corpus_and_the_table_agree() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(c.file for c in CASES)
    assert len(CASES) + len(BIG_CASES) >= 30


# --- through the pipeline ---------------------------------------------------------------------------------------

@pytest.fixture
def pipeline(hardening_pipeline: Pipeline) -> Pipeline:
    return hardening_pipeline


@pytest.mark.parametrize("case", CASES + BIG_CASES, ids=lambda c: c.file)
@STORE_IS_A_BYSTANDER
def test_pipeline_outcome(case: Case, corpus: Path, pipeline: Pipeline) -> None:
    store = pipeline.store
    assert store is not None
    path = corpus / case.file
    before = nquads(store)
    started = time.perf_counter()
    outcome = pipeline.ingest_file(path)
    elapsed = time.perf_counter() - started
    assert outcome.status is case.status, outcome.message
    if case.status is Status.FAILED:
        assert outcome.message == expected_message(case, str(path))
        assert nquads(store) == before
        if path.stat().st_size > pipeline.settings.max_body_bytes:
            assert elapsed < 0.5, "a too-large input must be refused before any work starts"
    else:
        assert outcome.graph_iri is not None
        check_accepted_graph(store, outcome.graph_iri, case)


@STORE_IS_A_BYSTANDER
def test_pipeline_refuses_too_large_bytes_before_decoding(pipeline: Pipeline) -> None:
    limit = pipeline.settings.max_body_bytes
    started = time.perf_counter()
    outcome = pipeline.ingest_bytes(b"\xff" * (limit + 1), "upload.html", "text/html")
    assert time.perf_counter() - started < 0.5
    assert (outcome.status, outcome.message) == (Status.FAILED,
                                                 f"upload.html: too large ({limit + 1} bytes; the limit is {limit})")


# --- through the command line -----------------------------------------------------------------------------------

def _cli_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]], str]:
    code = main(args)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, json.loads(captured.out) if captured.out.strip() else [], captured.err


@pytest.mark.slow
@pytest.mark.backends("embedded")  # the command line on its own store directory: the same on every backend
def test_cli_batch_gives_each_file_its_outcome(corpus: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    store_dir = tmp_path / "store"
    code, outcomes, _ = _cli_json(["--store", str(store_dir), "ingest", "--json", str(corpus)], capsys)
    assert code == 1  # some articles failed
    by_file = {Path(o["source"]).name: o for o in outcomes}
    assert sorted(by_file) == sorted(c.file for c in CASES + BIG_CASES)
    for case in CASES + BIG_CASES:
        outcome = by_file[case.file]
        assert outcome["status"] == case.status.value, (case.file, outcome["message"])
        if case.status is Status.FAILED:
            assert outcome["message"] == expected_message(case, outcome["source"])
    # the store holds the accepted articles and the service graphs, and nothing of the failed ones
    before = nquads_of_dir(store_dir)
    written = {o["graph"] for o in outcomes if o["status"] == "accepted"}
    assert {name for name in graphs_of(before) if "/graph/article/" in name} == written
    # the failures again, alone: exit 1, every one failed, the store unchanged byte for byte
    failing = [str(corpus / c.file) for c in CASES + BIG_CASES if c.status is Status.FAILED]
    code, outcomes, _ = _cli_json(["--store", str(store_dir), "ingest", "--json", *failing], capsys)
    assert code == 1 and [o["status"] for o in outcomes] == ["failed"] * len(failing)
    assert nquads_of_dir(store_dir) == before
    missing = tmp_path / "no-such-folder"
    assert main(["--store", str(store_dir), "ingest", str(missing)]) == 1   # reported, as one failed input
    assert capsys.readouterr().out.splitlines() == [f"failed   {missing}: {missing}: no such file or folder",
                                                    "0 accepted, 0 rejected, 1 failed"]


@STORE_IS_A_BYSTANDER
def test_a_broken_sidecar_is_named_and_an_empty_folder_is_no_error(corpus: Path, tmp_path: Path,
                                                                  pipeline: Pipeline) -> None:
    article = tmp_path / "with-sidecar.txt"
    shutil.copy(corpus / "german.txt", article)
    sidecar = tmp_path / "with-sidecar.meta.json"
    sidecar.write_text("{not json", encoding="utf-8")
    outcome = pipeline.ingest_file(article)
    assert (outcome.status, outcome.message) == (
        Status.FAILED, f"{sidecar}: not valid JSON (Expecting property name enclosed in double quotes at line 1, "
                       "column 2)")
    empty_folder = tmp_path / "empty-folder"
    (empty_folder / ".hidden").mkdir(parents=True)
    (empty_folder / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    assert pipeline.ingest_paths([empty_folder]).summary() == "0 accepted, 0 rejected, 0 failed"


# --- through POST /articles on a real server ----------------------------------------------------------------------

@pytest.fixture
def server(guarded_server: Any) -> Any:
    return guarded_server


def _post(server: Any, body: bytes, name: str, media_type: str, **params: str) -> httpx.Response:
    return httpx.post(f"{server.url}articles", params={"name": name, **params}, content=body, timeout=120,
                      headers={"Content-Type": media_type, "Authorization": f"Bearer {server.settings.write_token}",
                               "Accept": "application/json"})


@pytest.mark.parametrize("case", CASES + BIG_CASES, ids=lambda c: c.file)
def test_api_outcome(case: Case, corpus: Path, server: Any) -> None:
    store: OxigraphStore = server.app.state.context.store
    path = corpus / case.file
    before = nquads(store)
    response = _post(server, path.read_bytes(), case.file, MEDIA_TYPE_BY_SUFFIX[path.suffix])
    assert response.status_code < 500 and "Traceback" not in response.text
    if case.status is Status.FAILED:
        if path.stat().st_size > server.settings.max_body_bytes:  # 50 MB; the shared server allows 256 KiB
            assert response.status_code == 413
            limit = server.settings.max_body_bytes
            assert response.text == (f"Payload too large: the request body is larger than {limit:,} bytes "
                                     "(max_body_bytes)\n")
        else:
            assert response.status_code == 400, response.text
            assert response.json() == {"error": "InputError", "detail": expected_message(case, case.file)}
        assert nquads(store) == before
    else:
        assert response.status_code == 201, response.text
        check_accepted_graph(store, response.json()["graph"], case)
        assert text_over_sparql_xml(server, response.json()["article"]) == stored_text(
            graph_from_store(store, response.json()["graph"]))


def text_over_sparql_xml(server: Any, article: str) -> str:
    """The article's text as the endpoint gives it in SPARQL XML results, which must be well-formed XML."""
    query = f"SELECT ?text WHERE {{ <{article}> <{NKG.text}> ?text }}"
    response = httpx.get(f"{server.url}sparql", params={"query": query}, timeout=30,
                         headers={"Accept": "application/sparql-results+xml"})
    assert response.status_code == 200, response.text
    literal = ElementTree.fromstring(response.content).find(".//{http://www.w3.org/2005/sparql-results#}literal")
    assert literal is not None
    return literal.text or ""


@STORE_IS_A_BYSTANDER
def test_api_refuses_a_streamed_body_over_the_limit(server: Any) -> None:
    store: OxigraphStore = server.app.state.context.store
    before = nquads(store)
    chunk = b"<p>" + b"x" * (64 * 1024) + b"</p>"

    def body() -> Iterator[bytes]:  # no Content-Length: the limit is enforced while reading
        for _ in range(server.settings.max_body_bytes // len(chunk) + 4):
            yield chunk

    try:
        response = httpx.post(f"{server.url}articles", content=body(), timeout=60,
                              headers={"Content-Type": "text/html",
                                       "Authorization": f"Bearer {server.settings.write_token}"})
    except httpx.WriteError:  # the server may close the connection before the client has sent everything
        pass
    else:
        assert response.status_code == 413, response.text
    assert nquads(store) == before


@pytest.mark.parametrize(("params", "headers", "status", "detail"), [
    ({}, {"Content-Type": "application/pdf"}, 400,
     "unsupported Content-Type 'application/pdf'; send one of application/json, application/xhtml+xml, text/html, "
     "text/plain"),
    ({"date": "5 May"}, {}, 400, "parameter 'date' is not a YYYY-MM-DD date: '5 May'"),
    ({"date": "2024-02-30"}, {}, 400, "parameter 'date' is not a YYYY-MM-DD date: '2024-02-30'"),
    ({"name": "n" * 201}, {}, 400, "query.name: String should have at most 200 characters"),
    ({"dry_run": "perhaps"}, {}, 400, "query.dry_run: Input should be a valid boolean, unable to interpret input"),
])
@STORE_IS_A_BYSTANDER
def test_api_names_what_is_wrong_with_the_request(server: Any, params: dict[str, str], headers: dict[str, str],
                                                  status: int, detail: str) -> None:
    store: OxigraphStore = server.app.state.context.store
    before = nquads(store)
    response = httpx.post(f"{server.url}articles", params=params, content=(CORPUS / "german.txt").read_bytes(),
                          headers={"Content-Type": "text/plain",
                                   "Authorization": f"Bearer {server.settings.write_token}",
                                   "Accept": "application/json", **headers}, timeout=60)
    assert (response.status_code, response.json()["detail"]) == (status, detail)
    assert nquads(store) == before
