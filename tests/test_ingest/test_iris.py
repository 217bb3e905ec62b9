from __future__ import annotations

from newskg.ingest.iris import IriMinter, slugify


def test_slugs_are_ascii_and_forgiving_of_apostrophes_and_diacritics() -> None:
    assert slugify("Jaysh al-ʼIzza") == slugify("Jaysh al-Izza") == "jaysh-al-izza"
    assert slugify("Café Müller") == "cafe-muller"
    assert slugify("!!!")  # never empty


def test_minted_iris_are_deterministic_and_under_the_base() -> None:
    minter = IriMinter("https://kg.example.org")
    key = minter.article_key("https://news.example/a", "text")
    assert key == minter.article_key("https://news.example/a", "other text")  # the URL is the identity
    assert minter.article_key(None, "a") != minter.article_key(None, "b")
    assert str(minter.article(key)).startswith("https://kg.example.org/id/article/")
    assert minter.actor("Jane Doe") == minter.actor("jane  doe")
    assert minter.statement(key, 1, 5) == minter.statement(key, 1, 5) != minter.statement(key, 1, 6)
    assert minter.is_minted(str(minter.actor("x"))) and not minter.is_minted("https://schema.org/Person")


def test_local_paths_round_trip() -> None:
    minter = IriMinter("http://127.0.0.1:8000/")
    iri = minter.actor("Jane Doe")
    assert minter.local_path(iri) == "/id/actor/jane-doe"
    assert minter.iri_for_path("/id/actor/jane-doe") == iri
