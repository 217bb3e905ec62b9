"""`newskg export --format stix|claimreview`, run through the CLI's entry point on a real store."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from export_sample import BASE
from newskg.exports.claimreview import write_claimreview
from newskg.exports.stix import write_stix_bundle
from newskg.ingest.cli import main
from newskg.store.embedded import open_store


@pytest.mark.parametrize("fmt", ["stix", "claimreview"])
def test_the_cli_writes_what_the_library_writes(analyst_store_dir: Path, tmp_path: Path, fmt: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKG_BASE_IRI", BASE)
    output = tmp_path / f"export.{fmt}"
    assert main(["--store", str(analyst_store_dir), "export", "--format", fmt, "-o", str(output)]) == 0
    expected = io.BytesIO()
    store = open_store(analyst_store_dir)
    try:
        if fmt == "stix":
            write_stix_bundle(store, expected, BASE)
        else:
            write_claimreview(store, expected)
    finally:
        store.close()
    assert output.read_bytes() == expected.getvalue()
    document = json.loads(output.read_text(encoding="utf-8"))
    assert document["type"] == "bundle" if fmt == "stix" else document["@context"] == "https://schema.org"


def test_the_cli_writes_to_standard_output(analyst_store_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]
                                           ) -> None:
    assert main(["--store", str(analyst_store_dir), "export", "--format", "stix"]) == 0
    assert json.loads(capsysbinary.readouterr().out)["objects"]


def test_a_graph_option_is_refused_with_a_message(analyst_store_dir: Path, capsys: pytest.CaptureFixture[str]
                                                  ) -> None:
    assert main(["--store", str(analyst_store_dir), "export", "--format", "claimreview", "--graph", "x"]) == 2
    assert "--graph is for the RDF formats" in capsys.readouterr().err
