"""Tests for the shared ingest steps: blocks (wsd_text.ingest.blocks), boilerplate removal
(wsd_text.ingest.clean) and the language check (wsd_text.ingest.language)."""
import pytest

from wsd_text.ingest.blocks import normalise, split_blocks
from wsd_text.ingest.clean import load_rules, remove_boilerplate
from wsd_text.ingest.language import not_dutch_warning

LONG = ("De bewoners van de wijk spraken met de wethouder over de kosten van energie en huur, "
        "en over de hulp die de gemeente")


# ------------------------------------------------------------------ blocks

def test_clean_normalise_spaces_line_ends_and_controls():
    assert normalise("a\u00a0\u00a0b\r\nc\x07d\re  ") == "a b\ncd\ne"


@pytest.mark.parametrize("raw, expected", [
    # hard-wrapped prose is joined into one block
    (f"{LONG}\nbiedt aan gezinnen.", [(f"{LONG} biedt aan gezinnen.", "body")]),
    # a word hyphenated at the line end is mended; a shared word part before "en" is not
    (f"{LONG} verant-\nwoordelijk is.", [(f"{LONG} verantwoordelijk is.", "body")]),
    (f"{LONG} in welzijns-\nen hulpverlening.", [(f"{LONG} in welzijns- en hulpverlening.", "body")]),
    (f"{LONG} in Noord-\nHolland.", [(f"{LONG} in Noord-Holland.", "body")]),
    # list items stay apart
    (f"{LONG}:\n• eerste punt van de lijst\n• tweede punt", [(f"{LONG}:", "body"),
     ("• eerste punt van de lijst", "list_item"), ("• tweede punt", "list_item")]),
    # a block of short lines (menu, address) is a list of lines
    ("Home\nNieuws\nAgenda", [("Home", "heading"), ("Nieuws", "heading"), ("Agenda", "heading")]),
    ("Kop van het verslag\n\n\n\nEerste zin.", [("Kop van het verslag", "heading"), ("Eerste zin.", "body")]),
    # minutes typed one paragraph per line: lines longer than any hard wrap stay apart
    (f"Mw. Kok (wijkteam): {LONG} ziet dezelfde groep en wil dat eerder weten.\nActie: mw. Kok belt.",
     [(f"Mw. Kok (wijkteam): {LONG} ziet dezelfde groep en wil dat eerder weten.", "body"),
      ("Actie: mw. Kok belt.", "body")]),
    # a list of people, each line opening like a new item, is not wrapped prose
    ("Aanwezig:\nmw. I. Kok – wijkcoach armoede en schulden, gemeente Oostdorp en omstreken\nP. Smit – vrijwilliger, Voedselbank Oostdorp"
     "\ndhr. B. Mol – consulent inkomen, gemeente Oostdorp",
     [("Aanwezig:", "body"), ("mw. I. Kok – wijkcoach armoede en schulden, gemeente Oostdorp en omstreken", "heading"),
      ("P. Smit – vrijwilliger, Voedselbank Oostdorp", "heading"),
      ("dhr. B. Mol – consulent inkomen, gemeente Oostdorp", "heading")]),
    # a speaker or question label opens a new turn
    ("V: Kees, wat doe je met je geld?\nA: Ik spaar voor een scooter en geef soms iets uit aan eten met vrienden.",
     [("V: Kees, wat doe je met je geld?", "heading"),
      ("A: Ik spaar voor een scooter en geef soms iets uit aan eten met vrienden.", "body")]),
    # a wrapped paragraph whose last line runs long is still one paragraph
    (f"{LONG[:70]}\n{LONG[70:]} en de kosten van {LONG}.",
     [(f"{LONG[:70]} {LONG[70:]} en de kosten van {LONG}.", "body")]),
])
def test_clean_split_blocks(raw, expected):
    assert split_blocks(raw) == expected


# ------------------------------------------------------------------ boilerplate

@pytest.mark.parametrize("block, category", [
    ("Deze website gebruikt cookies", "cookies"),
    ("InstellingenIk ga akkoord", "cookies"),
    ("Lees onze privacyverklaring", "cookies"),
    ("Meld je aan voor onze nieuwsbrief!", "newsletter"),
    ("Volg ons op LinkedIn", "social"),
    ("Deel dit artikel", "social"),
    ("Contactgegevens", "contact"),
    ("3015 CX Rotterdam", "contact"),
    ("T: 010 123 4567", "contact"),
    ("info@voorbeeld.nl", "contact"),
    ("Lees meer", "navigation"),
    ("Over Stichting Wijkkracht", "navigation"),
    ("1018 keer bekeken", "navigation"),
    ("Tags: armoede, schulden", "navigation"),
    ("Home | Wie wij zijn | Projecten | Contact", "menu"),
    ("Blog | Stichting Wijkkracht", "menu"),
    ("Nieuws > Verslagen", "menu"),
    ("U bent hier: Home > Nieuws > Wat werkt bij schulden?", "menu"),
    ("Menu Zoeken Inloggen", "menu"),
    ("☰ Menu", "menu"),
    ("Tekst: Anna Visser | Foto's: Bram Kok", "byline"),
    ("Platform Armoede Oostland – Blog", "menu"),
    ("Tekst: Anna Visser | 3 april 2024", None),   # dates the page: kept for the publication date
    ("Door: Anna Visser", "byline"),
    ("Sociaal Huis Oostkerke – Nieuwsbrief welzijn, maart 2024", None),  # the masthead of an issue
    ("Nieuwsbrief 2024 nr. 3", None),
    ("Schrijf je in voor onze nieuwsbrief en ontvang het jaarprogramma 2025", "newsletter"),
    # report text stays, even when it names a newsletter or a cookie
    ("Nieuws | 12 maart 2025", None),     # a dateline: the publication date
    ("Door de crisis kwamen meer mensen.", None),
    ("Kinderen > volwassenen?", None),
    ("Doe mee aan de enquête!", None),
    # report text stays, even when it names a newsletter or a cookie
    ("De wethouder schreef in haar nieuwsbrief dat zij de drempels voor hulp wil verlagen, omdat "
     "veel gezinnen te laat aan de bel trekken en dan al diep in de schulden zitten.", None),
    ("Over de streep", None),
    ("Bewoners praten mee over armoede", None),
])
def test_clean_boilerplate_categories(block, category):
    assert load_rules().category(block) == category


def test_clean_site_header_above_the_menu_is_removed():
    blocks = [("Platform Armoede Oostland", "heading"), ("Home | Agenda | Contact", "heading"),
              ("Stichting Wijkkracht", "heading"), ("Nieuws > Verslagen", "heading"),
              ("Bewoners praten mee", "heading"), ("12 maart 2025", "heading"), (LONG + ".", "body"),
              ("Lees meer", "heading"), ("Wat bewoners vroegen", "heading"), (LONG + "!", "body")]
    kept, removed = remove_boilerplate(blocks)
    assert [text for text, _ in kept][:2] == ["Bewoners praten mee", "12 maart 2025"]
    assert "site header: Platform Armoede Oostland" in removed
    assert "site header: Stichting Wijkkracht" in removed
    # below the first body text, headings stay even after a menu item
    assert ("Wat bewoners vroegen", "heading") in kept


def test_clean_remove_boilerplate_keeps_removed_blocks():
    blocks = [("Stichting Wijkkracht", "heading"), ("Bewoners praten mee", "heading"),
              ("Bewoners praten mee", "heading"), ("Stichting Wijkkracht | Bewoners praten mee", "heading"),
              (LONG + ".", "body"), ("Meld je aan voor onze nieuwsbrief", "heading"),
              ("Stichting Wijkkracht", "heading")]
    kept, removed = remove_boilerplate(blocks)
    assert kept == [("Bewoners praten mee", "heading"), (LONG + ".", "body")]
    assert removed == ["repeated block: Stichting Wijkkracht", "repeated heading: Bewoners praten mee",
                       "repeated heading: Stichting Wijkkracht | Bewoners praten mee",
                       "newsletter: Meld je aan voor onze nieuwsbrief",
                       "repeated block: Stichting Wijkkracht"]


def test_clean_keeps_a_news_paragraph_that_opens_with_its_dateline():
    """A paragraph opening with the place of a heading ("BEEKSTEDE – Een grote pan ...") is the lead
    of a news item, not a heading repeated with a site name; a footer of that kind still goes."""
    lead = "BEEKSTEDE – " + LONG + "."
    footer = "Beekster Courant | Kerkstraat 12 | Privacy | Disclaimer"
    blocks = [("Beekster Courant", "heading"), ("BEEKSTEDE", "heading"), ("Soepmiddag in het buurthuis", "heading"),
              (lead, "body"), (LONG + ".", "body"), (footer, "body")]
    kept, removed = remove_boilerplate(blocks)
    assert (lead, "body") in kept
    assert (footer, "body") not in kept


# ------------------------------------------------------------------ language

@pytest.mark.parametrize("text, warns", [
    ("Op dinsdag kwamen de bewoners van de wijk bij elkaar om met de wethouder te praten over de "
     "kosten van het leven en over wat de gemeente voor hen kan doen als het geld op is.", False),
    ("On Tuesday the residents of the area came together to talk with the alderman about the cost "
     "of living and about what the city can do for them when the money has run out.", True),
    ("Am Dienstag kamen die Bewohner des Viertels zusammen, um mit dem Stadtrat über die Kosten des "
     "Lebens zu sprechen und darüber, was die Stadt für sie tun kann, wenn das Geld aus ist.", True),
    ("Te kort om iets te zeggen.", False),
])
def test_clean_language_warning(text, warns):
    warning = not_dutch_warning(text)
    assert bool(warning) == warns
    if warns:
        assert "does not look like Dutch" in warning and "analysed anyway" in warning
