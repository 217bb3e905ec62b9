"""Allegations on the pages of a live server, over Response nodes: who claims (or the claim source), who is accused,
what is alleged; each statement listed under the allegations it answers and nowhere else, under its stance towards
each; the central allegation of an article; the same allegation side by side across outlets."""

from __future__ import annotations

import time
from typing import Any, Callable

import httpx
from html_page import Line, allegation_lines, fetch, find, hrefs, line_of, one, with_class, words
from lxml import html as lxml_html
from lxml.html import HtmlElement
from pages_sample import PROVENANCE, Site, sentence_of, site, span  # noqa: F401  (fixture)

from newskg.ingest.mapping import article_graph
from newskg.ingest.model import Actor, Allegation, ArticleDoc, Extraction, Response, Statement


def page(site: Site, iri_or_path: str) -> HtmlElement:
    path = site.path(iri_or_path) if iri_or_path.startswith("http") else iri_or_path
    return fetch(site.url.rstrip("/") + path)


def settled(url: str, act_links: set[str]) -> HtmlElement:
    """A page built from a store-wide value (the home page's figures, the search index): computed once when the
    server starts and, when that was slow, recomputed in the background after the sample's writes (see
    api/generation_cache.py). Asked again until the lines it should list are there, or the deadline passes."""
    deadline = time.monotonic() + 30
    while True:
        root = fetch(url)
        if act_links <= {line.act_link for line in allegation_lines(root)} or time.monotonic() > deadline:
            return root
        time.sleep(0.2)


def stance_groups(root: HtmlElement) -> dict[tuple[str, str], set[str]]:
    """(side, stance) → the statements listed there, in the 'who says what' section of an allegation page."""
    groups: dict[tuple[str, str], set[str]] = {}
    for side in find(root, ".//section[@id='matrix']//" + with_class("side", "div")):
        key = next(c for c in str(side.get("class")).split() if c != "side")
        for group in find(side, ".//section[@data-stance]"):
            statements = {h for h in hrefs(group) if "/id/statement/" in h}
            groups[(key, str(group.get("data-stance")))] = statements
    return groups


def expected_lines(site: Site) -> dict[str, tuple[str, str]]:
    """The act link of each sample allegation → (claimants as shown, accused actor's page)."""
    sample = site.sample
    return {
        site.path(sample.allegation): ("Alexander Lavrentiev", site.path(sample.actor("GUR"))),
        site.path(sample.against_turkey): ("unattributed", site.path(sample.actor("Turkey"))),
        site.path(sample.in_second): ("the outlet (Example Courier)", site.path(sample.actor("GUR"))),
    }


def assert_line(line: Line, claimants: str, accused: str) -> None:
    assert line.claimants == claimants
    assert accused in line.accused_links


def test_allegation_lists_show_claimant_accused_and_act_everywhere(site: Site) -> None:
    sample = site.sample
    expected = expected_lines(site)
    home = settled(site.url, set(expected))
    for act_link, (claimants, accused) in expected.items():
        assert_line(line_of(home, act_link), claimants, accused)
    assert line_of(home, site.path(sample.allegation)).act == "Ukraine's GUR specialists operate in Idlib and help HTS"
    assert site.path(sample.lavrentiev) in line_of(home, site.path(sample.allegation)).claimant_links
    assert site.path(sample.actor("Example Courier")) in line_of(home, site.path(sample.in_second)).claimant_links
    assert not any("/id/" in link for link in line_of(home, site.path(sample.against_turkey)).claimant_links)

    lists = {
        "first article": (page(site, sample.first_article), {sample.allegation, sample.against_turkey}),
        "second article": (page(site, sample.second_article), {sample.in_second}),
        "Lavrentiev": (page(site, sample.lavrentiev), {sample.allegation}),
        "GUR": (page(site, sample.actor("GUR")), {sample.allegation, sample.in_second}),
        "Turkey": (page(site, sample.actor("Turkey")), {sample.against_turkey}),
        "search": (settled(site.url + "search?q=armoured+vehicles", {site.path(sample.against_turkey)}),
                   {sample.against_turkey}),
    }
    for name, (root, allegations) in lists.items():
        lines = allegation_lines(root)
        assert all(line.claimants and line.accused_links and line.act for line in lines), name
        for allegation in allegations:
            claimants, accused = expected[site.path(allegation)]
            assert_line(line_of(root, site.path(allegation)), claimants, accused)


def test_a_statement_is_listed_only_under_the_allegation_it_answers_by_its_stance_towards_it(site: Site) -> None:
    sample = site.sample
    first = page(site, sample.allegation)
    assert stance_groups(first) == {
        ("supporting", "supports"): {site.path(sample.supporting)},
        ("contesting", "denies"): {site.path(sample.denial)},
        ("contesting", "downplays"): {site.path(sample.downplaying)},
    }
    assert site.path(sample.turkish_dismissal) not in hrefs(first)   # it answers the allegation against Turkey only

    against_turkey = page(site, sample.against_turkey)
    assert stance_groups(against_turkey) == {("contesting", "dismisses"): {site.path(sample.turkish_dismissal)}}
    for statement in (sample.supporting, sample.denial, sample.downplaying):
        assert site.path(statement) not in hrefs(against_turkey)


def test_each_response_shows_its_speaker_and_its_words_highlighted_in_their_sentence(site: Site) -> None:
    sample = site.sample
    root = page(site, sample.allegation)
    denial = one(root, ".//section[@data-stance='denies']//" + with_class("statement-card", "article"))
    assert site.path(sample.denial) in hrefs(denial)
    assert any("/id/source/" in link and words(a) == "a Turkish source"
               for a in denial.iter("a") for link in [str(a.get("href"))])
    quote = one(denial, ".//" + with_class("quote", "p"))
    assert [words(mark) for mark in quote.iter("mark")] == ["HTS relies on Ukrainian assistance"]
    assert words(quote).startswith("A Turkish source denied that HTS relies on Ukrainian assistance.")


def test_allegation_page_names_claimants_or_claim_source_accused_beneficiaries_and_targets(site: Site) -> None:
    sample = site.sample
    first = page(site, sample.allegation)
    parties = {cls: one(first, f".//section[@class='parties']//dd[@class='{cls}']")
               for cls in ("claimants", "accused", "beneficiaries", "targets")}
    assert site.path(sample.lavrentiev) in hrefs(parties["claimants"])
    assert hrefs(parties["accused"]) == {site.path(sample.actor("GUR"))}
    assert hrefs(parties["beneficiaries"]) == {site.path(sample.actor("HTS"))}
    assert hrefs(parties["targets"]) == {site.path(sample.actor("Syrian government"))}

    unattributed = page(site, sample.against_turkey)
    claimants = one(unattributed, ".//section[@class='parties']//dd[@class='claimants']")
    assert words(claimants) == "unattributed" and not any("/id/" in h for h in hrefs(claimants))
    outlet = page(site, sample.in_second)
    claimants = one(outlet, ".//section[@class='parties']//dd[@class='claimants']")
    assert words(claimants) == "the outlet's own voice (Example Courier)"


def test_the_central_allegation_is_marked_on_its_page_and_on_its_article(site: Site) -> None:
    sample = site.sample
    note = one(page(site, sample.allegation), ".//p[@class='central-note']")
    assert site.path(sample.first_article) in hrefs(note)
    assert not find(page(site, sample.against_turkey), ".//p[@class='central-note']")

    article = page(site, sample.first_article)
    central = one(article, ".//section[@id='central']")
    assert [line.act_link for line in allegation_lines(central)] == [site.path(sample.allegation)]
    badged = [li for li in find(article, ".//ul[@class='allegations']/li")
              if find(li, ".//span[@class='badge central']")]
    assert [line_of(li, site.path(sample.allegation)).act_link for li in badged] == [site.path(sample.allegation)]


def test_article_statement_index_gives_stance_towards_the_central_allegation_and_other_answers(site: Site) -> None:
    sample = site.sample
    article = page(site, sample.first_article)
    entries = {}
    for li in find(article, ".//ol[@class='statement-index']/li"):
        statement = next(h for h in hrefs(li) if "/id/statement/" in h)
        stance = words(one(li, "./" + with_class("stance", "span")))
        others = [(words(one(div, ".//" + with_class("stance", "span"))), hrefs(div))
                  for div in find(li, "./div[@class='also']")]
        entries[statement] = (stance, others)
    assert entries[site.path(sample.supporting)] == ("supports", [])
    assert entries[site.path(sample.denial)] == ("denies", [])
    stance, others = entries[site.path(sample.turkish_dismissal)]
    assert stance == "neutral"   # towards the central allegation, which it does not answer
    assert others == [("dismisses", {site.path(sample.against_turkey)})]


def test_actor_counts_only_the_responses_to_its_own_allegations(site: Site) -> None:
    sample = site.sample

    def tallies(actor: str) -> dict[str, str]:
        root = page(site, actor)
        return {allegation_lines(li)[0].act_link: words(one(li, "./small"))
                for li in find(root, ".//section[@id='against']//li")}

    gur = tallies(sample.actor("GUR"))
    assert "supported by 1" in gur[site.path(sample.allegation)]
    assert "contested by 2" in gur[site.path(sample.allegation)]
    assert "contested by 1" in gur[site.path(sample.in_second)] and "supported" not in gur[site.path(sample.in_second)]
    turkey = tallies(sample.actor("Turkey"))
    assert "contested by 1" in turkey[site.path(sample.against_turkey)]
    assert "supported" not in turkey[site.path(sample.against_turkey)]


def test_actor_statements_show_their_stance_per_allegation_and_who_else_answered_it(site: Site) -> None:
    sample = site.sample
    root = page(site, sample.lavrentiev)
    rows = find(root, ".//section[@id='statements']//tbody/tr")
    assert len(rows) == 1
    addressed = find(rows[0], ".//div[@class='addressed-allegation']")
    assert len(addressed) == 1
    assert words(one(addressed[0], "./" + with_class("stance", "span"))) == "supports"
    assert site.path(sample.allegation) in hrefs(addressed[0])
    others = one(addressed[0], "./div[@class='others']")
    assert {h for h in hrefs(others) if "/id/statement/" in h} == {site.path(sample.denial),
                                                                     site.path(sample.downplaying)}


def test_statement_page_lists_each_allegation_it_answers_with_its_stance(site: Site) -> None:
    sample = site.sample

    def responses(statement: str) -> list[tuple[str, str, bool]]:
        root = page(site, statement)
        return [(words(one(tr, ".//" + with_class("stance", "span"))), allegation_lines(tr)[0].act_link,
                 bool(find(tr, ".//span[@class='badge central']")))
                for tr in find(root, ".//section[@id='responses']//tbody/tr")]

    assert responses(sample.turkish_dismissal) == [("dismisses", site.path(sample.against_turkey), False)]
    assert responses(sample.supporting) == [("supports", site.path(sample.allegation), True)]
    dismissal = page(site, sample.turkish_dismissal)
    central = one(dismissal, ".//dd[span[@class='central-line']]")
    assert words(one(central, "./" + with_class("stance", "span"))) == "neutral"
    assert [line.act_link for line in allegation_lines(central)] == [site.path(sample.allegation)]


def test_allegation_page_lists_the_other_articles_carrying_the_same_allegation(site: Site) -> None:
    sample = site.sample
    first = page(site, sample.allegation)
    elsewhere = one(first, ".//section[@id='elsewhere']")
    assert site.path(sample.allegation_cluster) in hrefs(elsewhere)
    items = find(elsewhere, ".//ul[@class='elsewhere']/li")
    assert len(items) == 1
    assert_line(line_of(items[0], site.path(sample.in_second)), "the outlet (Example Courier)",
                site.path(sample.actor("GUR")))
    assert site.path(sample.second_article) in hrefs(items[0])
    assert words(one(items[0], ".//small[@class='tally']")) == "0 supporting · 1 contesting"

    second = page(site, sample.in_second)
    items = find(one(second, ".//section[@id='elsewhere']"), ".//ul[@class='elsewhere']/li")
    assert [line.act_link for item in items for line in allegation_lines(item)] == [site.path(sample.allegation)]
    assert words(one(items[0], ".//small[@class='tally']")) == "1 supporting · 2 contesting"
    assert not find(page(site, sample.against_turkey), ".//ul[@class='elsewhere']")   # its cluster is itself alone


def test_allegation_cluster_puts_each_outlets_claimants_and_responses_side_by_side(site: Site) -> None:
    sample = site.sample
    root = page(site, sample.allegation_cluster)
    versions = find(root, ".//section[@id='versions']//" + with_class("version", "article"))
    assert [words(one(v, "./h3")) for v in versions] == ["Middle East Eye 2024-12-02", "Example Courier 2024-12-03"]

    def responses(version: HtmlElement) -> dict[str, set[str]]:
        return {str(group.get("data-stance")): {h for h in hrefs(group) if "/id/statement/" in h}
                for group in find(version, ".//div[@data-stance]")}

    first, second = versions
    assert_line(line_of(first, site.path(sample.allegation)), "Alexander Lavrentiev", site.path(sample.actor("GUR")))
    assert responses(first) == {"supports": {site.path(sample.supporting)}, "denies": {site.path(sample.denial)},
                                "downplays": {site.path(sample.downplaying)}}
    assert_line(line_of(second, site.path(sample.in_second)), "the outlet (Example Courier)",
                site.path(sample.actor("GUR")))
    assert responses(second) == {"downplays": {site.path(sample.second_downplaying)}}
    assert site.path(sample.turkish_dismissal) not in hrefs(root)


def test_quote_cluster_lists_what_each_of_its_statements_answers(site: Site) -> None:
    sample = site.sample
    cluster = sample.second.statements[0].cluster
    assert cluster is not None
    root = page(site, cluster)
    answered = {}
    for li in find(root, ".//ul[@class='members']/li"):
        statement = next(h for h in hrefs(li) if "/id/statement/" in h)
        answered[statement] = [(words(one(div, "./" + with_class("stance", "span"))), allegation_lines(div)[0].act_link)
                               for div in find(li, "./div[@class='addressed']")]
    assert answered == {site.path(sample.downplaying): [("downplays", site.path(sample.allegation))],
                        site.path(sample.second_downplaying): [("downplays", site.path(sample.in_second))]}


def test_names_acts_and_words_with_markup_are_shown_as_text(live_server: Callable[..., Any]) -> None:
    server = live_server(query_workers=1)
    context = server.app.state.context
    minter, store = context.minter, context.store
    text = 'The <b>Bold</b> Ministry said "<script>alert(1)</script> was shipped by Y".\n'
    doc = ArticleDoc(key="hostile", text=text, title="<i>Hostile</i>", publisher="<em>Outlet</em>")
    words_said = span(text, "<script>alert(1)</script> was shipped by Y")
    ministry = Actor(str(minter.actor("bold ministry")), "<b>Bold</b> Ministry", "GovernmentBody", known=False,
                     mentions=[span(text, "<b>Bold</b> Ministry")])
    accused = Actor(str(minter.actor("y")), "<img src=x onerror=alert(2)>", "Organization", known=False)
    statement = Statement(str(minter.statement(doc.key, words_said.start, words_said.end)), ministry.iri,
                          ministry.label, span(text, "said"), words_said, sentence_of(text, words_said),
                          direct=True, stance="supports")
    allegation = Allegation(str(minter.allegation(doc.key, "x")), "<script>alert(3)</script> was shipped",
                            words_said, claimants=[ministry.iri], accused=[accused.iri],
                            supported_by=[statement.iri])
    extraction = Extraction(doc, [ministry, accused], [statement], [allegation],
                            responses=[Response(statement.iri, allegation.iri, "supports")],
                            central_allegation=allegation.iri)
    store.replace_graph(str(minter.article_graph(doc.key)), article_graph(extraction, minter, PROVENANCE))
    base = server.url.rstrip("/")
    settled(base + "/", {minter.local_path(allegation.iri)})   # the home page's figures follow the write
    for path in ("/", minter.local_path(allegation.iri), minter.local_path(statement.iri),
                 minter.local_path(minter.article(doc.key)), minter.local_path(ministry.iri)):
        response = httpx.get(base + path, headers={"accept": "text/html"})
        assert response.status_code == 200, path
        assert "<script>" not in response.text and "<img" not in response.text and "<b>Bold" not in response.text
        root = lxml_html.fromstring(response.text)
        # the site's own scripts are there, and the pictures' data as JSON (tojson escapes "<"); nothing from the
        # data runs
        assert not root.xpath("//script[not(@type='application/json')][contains(., 'alert')] | //img | //b"), path
        lines = allegation_lines(root)
        assert [line.act for line in lines if "/id/allegation/" in line.act_link][:1] == [allegation.summary], path
    allegation_page = fetch(base + minter.local_path(allegation.iri))
    card = one(allegation_page, ".//section[@data-stance='supports']//p[@class='quote']")
    assert "<script>alert(1)</script> was shipped by Y" in words(card)
