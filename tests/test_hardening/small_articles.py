"""Short, distinct, made-up news articles for the crash and concurrency tests: article i depends only on i.

Each has a headline, a quote with a named speaker, an accusation and a denial, and a date, so that extraction
has mentions, statements and allegations to write, yet takes a fraction of a second.
"""

from __future__ import annotations

FIRST = ["Anna", "Omar", "Lena", "Sofia", "Kwame", "Ines", "Pavel", "Aylin", "Jonas", "Mei", "Tomas", "Rana"]
LAST = ["Kovalenko", "Haddad", "Marsh", "Moreau", "Mensah", "Ortega", "Bondar", "Demir", "Lund", "Okafor"]
PLACES = ["Velmar", "Ostrava Bay", "Kerrin", "Port Salen", "Dunmore", "Tavira", "Lakeside", "Brennick"]
GROUPS = ["the Brask Liberation Front", "the Northern Shield militia", "the Coastal Guard", "the Ridge Brigade"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def small_article(index: int) -> tuple[str, str]:
    """(file name, plain text) of article number index."""
    speaker = f"{FIRST[index % len(FIRST)]} {LAST[index * 7 % len(LAST)]}"
    place = PLACES[index % len(PLACES)]
    group = GROUPS[index % len(GROUPS)]
    when = f"{index % 27 + 1} {MONTHS[index % len(MONTHS)]} 2024"
    text = f"""Harbour of {place} reopens after strikes, report {index}

Officials in {place} said on Tuesday that the harbour would reopen to grain ships after {index + 2} days of strikes.

"We will not let the harbour close again," said {speaker}, the regional governor, speaking to reporters.

The Ministry of Defence accused {group} of launching {index + 3} drones from fishing boats on {when}, a claim the \
group denied in a statement on its website.

Traders near the docks of {place} said business had fallen by {index % 50 + 10} percent since the first strike.
"""
    return f"small-{index:04d}.txt", text
