"""Writes the bad-input corpus in bad_inputs/ (committed; rerun with `python -m tests.test_hardening.make_bad_inputs`).

Each file is one way an article can arrive broken or strange. What newskg must do with each is the table in
test_bad_inputs.py. Big inputs (the 50 MB page, the megabyte line) are made at test time by big_inputs(), not kept.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent / "bad_inputs"

# A small made-up article: a headline, a quote with a named speaker, an allegation and a denial, a date.
ARTICLE = """Port of Velmar reopens after week of strikes

Officials in Velmar said on Tuesday that the port would reopen to grain ships after a week of drone strikes.

"We will not let the harbour close again," said Anna Kovalenko, the regional governor, speaking to reporters \
at the quay.

The Ministry of Defence of Norland accused the Brask Liberation Front of launching the drones from fishing boats, \
a claim the group denied in a statement on its website.

Analysts at the Institute for Maritime Security said the attacks had cost the port about {money} in lost trade. \
Traders at a {cafe} near the docks said business had halved since the first strike on 3 March 2024.
"""


def article(variant: str, money: str = "€40m", cafe: str = "café") -> str:
    """The article with one sentence that names the variant, so every case has its own text (and graph)."""
    return ARTICLE.format(money=money, cafe=cafe) + f"\nThe case was recorded as {variant}.\n"


def _html(body_html: str, title: str = "Port of Velmar reopens") -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            f"<body>{body_html}</body></html>").encode()


def _paragraphs_html(text: str) -> str:
    return "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())


def cases() -> dict[str, bytes]:
    base = article("plain UTF-8")
    files: dict[str, bytes] = {
        # --- nothing there -------------------------------------------------------------------------
        "empty.txt": b"",
        "only-whitespace.txt": b" \n\t\n   \r\n\n",
        "only-unicode-whitespace.txt": "\u00a0\u2003\u3000\n\u2028\n".encode(),
        "empty.json": b"",
        # --- not text ------------------------------------------------------------------------------
        "binary-png.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "binary-pdf.html": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(200)),
        "binary-gzip.json": b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + bytes(range(128, 256)) * 8,
        "binary-nul-bytes.txt": base.encode()[:200] + b"\x00\x00\x01\x02\x00" + base.encode()[200:],
        "control-characters-heavy.txt": ("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 40 + base).encode(),
        # --- encodings ---------------------------------------------------------------------------
        "truncated-utf8.txt": article("truncated UTF-8", cafe="crêperie").encode()[:-30] + "é".encode()[:1],
        "cp1252.txt": article("Windows-1252 \u2019smart\u2019 quotes").encode("cp1252"),
        "latin-1.txt": article("Latin-1 señor Müller", money="£40m").encode("latin-1"),
        "utf16-bom.txt": article("UTF-16 with BOM").encode("utf-16"),
        "utf16-le-no-bom.txt": article("UTF-16 without BOM").encode("utf-16-le"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + article("UTF-8 with BOM").encode(),
        "mixed-encodings.txt": article("mixed").encode()[:300] + "Müller said “no”.".encode("cp1252")
        + article("mixed").encode()[300:],
        "crlf-and-cr-newlines.txt": article("CR LF newlines").replace("\n", "\r\n").encode()[:400]
        + article("CR LF newlines").replace("\n", "\r").encode()[400:],
        # --- JSON of the wrong shape ---------------------------------------------------------------
        "not-json.json": b"Port of Velmar reopens after week of strikes\n\nThis file is named .json but is prose.\n",
        "truncated.json": json.dumps({"title": "Port", "text": base}).encode()[:-40],
        "json-list.json": json.dumps([{"text": base}]).encode(),
        "json-string.json": json.dumps(base).encode(),
        "json-missing-text.json": json.dumps({"title": "Port of Velmar reopens",
                                              "url": "https://example.org/a"}).encode(),
        "json-text-not-string.json": json.dumps({"title": "Port", "text": 42}).encode(),
        "json-nested-garbage.json": json.dumps({"text": {"a": [1, {"b": None}], "c": [[[]]]}}).encode(),
        "json-bad-date.json": json.dumps({"text": article("JSON with a bad date"),
                                          "published": "next blue moon"}).encode(),
        "json-author-not-string.json": json.dumps({"text": article("JSON author"), "authors": [{"id": 7}]}).encode(),
        "json-deeply-nested.json": b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "json-lone-surrogate.json": ('{"title": "Port", "text": '
                                     + json.dumps(article("lone surrogate")).replace("Velmar said",
                                                                                     "Vel\\ud800mar said")
                                     + "}").encode(),
        "json-nul-escape.json": json.dumps({"text": article("NUL \u0000 escape")}).encode(),
        # --- hostile or broken HTML ---------------------------------------------------------------
        "script-and-html.html": _html(
            "<script>alert('x-script-payload')</script><style>body{display:none}</style>"
            + _paragraphs_html(article("script in HTML")).replace(
                "<p>Officials", "<p onclick=\"alert('x-onclick-payload')\">Officials", 1)
            + "<iframe src=\"javascript:alert(1)\"></iframe><noscript>x-noscript-payload</noscript>"),
        "html-in-plain-text.txt": article(
            "markup <script>alert('x-text-payload')</script> and <b>tags</b> & ampersands").encode(),
        "deeply-nested.html": _html("<div>" * 5000 + _paragraphs_html(article("deep nesting")) + "</div>" * 5000),
        "truncated.html": _html(_paragraphs_html(article("truncated HTML")))[:-60] + b"<di",
        "only-clutter.txt": b"Skip to main content\nMenu\nSearch\nSign in\nSubscribe\nNewsletter\n"
                            b"Sign up for our daily newsletter to get the best stories in your inbox.\n"
                            b"Follow us on social\nFacebook\nTwitter\nMost read\nShare\n"
                            b"\xc2\xa9 2024 Example News. All rights reserved.\n",
        "only-clutter.html": _html("<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
                                   "<footer>\u00a9 2024 Example News. All rights reserved.</footer>"),
        "only-headings.txt": b"Port of Velmar\n\nWorld\n\nEurope\n\nMost read\n",
        # --- strange but legitimate text ------------------------------------------------------------
        "control-characters-sparse.txt": article("a bell \x07 and an escape \x1b[0m").encode(),
        "zero-width-and-bidi-controls.txt": article("zero\u200bwidth\u200d join\u2060 and \u202eoverride\u202c")
        .replace("Anna Kovalenko", "Anna\u200b Kovalenko").encode(),
        "emoji-astral.txt": article("emoji \U0001F680\U0001F1FA\U0001F1E6 and math \U0001D4D0").encode(),
        "arabic-rtl.txt": (
            "إعادة فتح ميناء فيلمار بعد أسبوع من الضربات\n\n"
            "قال مسؤولون في فيلمار يوم الثلاثاء إن الميناء سيعاد فتحه أمام سفن الحبوب "
            "بعد أسبوع من ضربات الطائرات المسيرة.\n\n"
            "وقالت آنا كوفالينكو، حاكمة المنطقة، للصحفيين في الرصيف: \"لن نسمح بإغلاق الميناء مرة أخرى\".\n\n"
            "واتهمت وزارة الدفاع جبهة التحرير بإطلاق الطائرات من قوارب الصيد، وهو ما نفته الجماعة في بيان.\n"
        ).encode(),
        "hebrew-rtl.txt": (
            "נמל ולמר נפתח מחדש לאחר שבוע של תקיפות\n\n"
            "פקידים בוולמר אמרו ביום שלישי כי הנמל ייפתח מחדש לספינות תבואה לאחר שבוע של תקיפות רחפנים.\n\n"
            "\"לא ניתן לנמל להיסגר שוב\", אמרה אנה קובלנקו, מושלת המחוז, לכתבים ברציף.\n\n"
            "משרד ההגנה האשים את חזית השחרור בשיגור הרחפנים מסירות דיג, והקבוצה הכחישה זאת בהודעה.\n"
        ).encode(),
        "german.txt": (
            "Hafen von Velmar nach einer Woche der Angriffe wieder geöffnet\n\n"
            "Beamte in Velmar sagten am Dienstag, der Hafen werde nach einer Woche mit Drohnenangriffen wieder für "
            "Getreideschiffe geöffnet.\n\n"
            "„Wir werden nicht zulassen, dass der Hafen wieder schließt“, sagte Anna Kovalenko, die Gouverneurin der "
            "Region, vor Reportern am Kai.\n\n"
            "Das Verteidigungsministerium beschuldigte die Befreiungsfront, die Drohnen von Fischerbooten aus "
            "gestartet zu haben; die Gruppe wies dies in einer Erklärung zurück.\n"
        ).encode(),
        "mixed-scripts.txt": article("mixed scripts: Пресс-служба заявила, 新闻 and العربية in one line").encode(),
    }
    return files


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, data in cases().items():
        (HERE / name).write_bytes(data)
    print(f"{len(cases())} files in {HERE}")


if __name__ == "__main__":
    main()
