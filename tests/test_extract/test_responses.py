"""How answers to an allegation are read (issue 13): what a denial implies, whom a response answers and with which
stance. All texts are fiction written for the project."""

from __future__ import annotations

from fiction import extract


def test_denying_a_thing_implies_no_allegation_against_the_one_denying() -> None:
    read = extract(
        "Opposition leader Ana Kovec said the Harlow Group was denying \"objective facts\" about the floods.\n\n"
        "Mayor Piet Lund denied hiding the damage reports."
    )
    assert not read.against("Harlow Group"), read.summary()
    assert read.against("Piet Lund"), read.summary()
