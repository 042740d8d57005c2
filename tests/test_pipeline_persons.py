"""Person mentions: names, tussenvoegsels, titles, roles, negative cases (ANNOTATION.md §2)."""
import pytest


def names(doc):
    return [a.name for a in doc._.wsd_actors if a.name]


@pytest.mark.parametrize("text, expected", [
    ("Gisteren sprak Pieter Bakker over de wijk.", ["Pieter Bakker"]),
    ("Volgens A.J. de Vries is dat te laat.", ["A.J. de Vries"]),
    ("Daarna vertelde Sanne van der Linden over haar werk dat het zwaar is.", ["Sanne van der Linden"]),
    ("Ook Koen in 't Veld was erbij.", ["Koen in 't Veld"]),
    ("Thijs Jansen-de Wit opende de middag.", ["Thijs Jansen-de Wit"]),
    ("Daarna sprak mevrouw Hendriks over de kosten.", ["Hendriks"]),
    ("Het woord was aan dhr. Verbeek van de bank.", ["Verbeek"]),
    ("Daarna vertelt prof. dr. Lotte Smit dat het anders moet.", ["Lotte Smit"]),
    ("Later legt wethouder Bruinsma uit dat het budget op is.", ["Bruinsma"]),
    ("Het lokaal zat vol met lector Armoede en Zorg Wouter Peeters en studenten.", ["Wouter Peeters"]),
    # letters beyond Latin-1 (Turkish, Polish, Czech names)
    ("Daarna vertelde Emre Şahin dat de wachtlijst lang is.", ["Emre Şahin"]),
    ("Volgens Hatice Yılmaz-Koç moet het eenvoudiger.", ["Hatice Yılmaz-Koç"]),
    ("Ook Łukasz Wiśniewski zegt dat de taal een drempel is.", ["Łukasz Wiśniewski"]),
    ("Mevr. G. Doğan vertelt dat het wijkteam vol zit.", ["G. Doğan"]),
    # a lone capital inside a hyphenated surname; hyphenated first names
    ("Raadslid Naomi Lie-A-Fo zegt dat ze het meeneemt.", ["Naomi Lie-A-Fo"]),
    ("Daarna vertelt Gert-Jan Hoogland dat hij maatje is.", ["Gert-Jan Hoogland"]),
    # a contact word after the name is part of what was said, not a contact line
    ("Consulent Marloes Dijkstra legde uit dat gemeenten binnen drie dagen contact moeten opnemen.",
     ["Marloes Dijkstra"]),
    # common surnames that are also words
    ("Daarna sprak Joyce de Koning over de wachtlijst.", ["Joyce de Koning"]),
    ("Ook Bas van Wijk en Evi ten Huis waren erbij.", ["Bas van Wijk", "Evi ten Huis"]),
    # a single unknown first name with an age
    ("Haar zoon Kofi (13) vertelt dat de schoolreis te duur is.", ["Kofi"]),
    # a role glued to its field is no part of the name
    ("Daarna sprak studentendecaan Ilse Bouma over de kosten.", ["Ilse Bouma"]),
    # first names beyond Faker's lists (first_names_extra.txt)
    ("Daarna kwam Ruud Hoekstra aan het woord.", ["Ruud Hoekstra"]),
    ("Ook Wietske Zijlstra en Hanneke Bos waren er.", ["Wietske Zijlstra", "Hanneke Bos"]),
])
def test_persons_finds_name_forms(analyse, text, expected):
    assert names(analyse(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # unknown first names, recognised from context
    ("Op de avond vertelt Zwaantje Oosterbroek, beleidsadviseur van de gemeente, over de aanpak.",
     ["Zwaantje Oosterbroek"]),
    ("Brechtje Hofstee (15) wil meer plekken voor jongeren.", ["Brechtje Hofstee"]),
    ("Dat is belangrijk, aldus Wubbo Kramer.", ["Wubbo Kramer"]),
    ("Het thema kwam van Gerolf Stam. Stam: 'We moeten meer samen doen in de wijk.'", ["Gerolf Stam"]),
    ("Aanwezig waren Aagje Bos, Fenneke Smits en Gijsbert de Haan.",
     ["Aagje Bos", "Fenneke Smits", "Gijsbert de Haan"]),
])
def test_persons_recognises_names_from_context(analyse, text, expected):
    assert names(analyse(text)) == expected


@pytest.mark.parametrize("text", [
    "De Jeugdwet en de Participatiewet regelen veel.",
    "De Groningse aanpak werkt goed.",
    "Het Centrum Jeugd en Gezin en het Werkplein Hoeksche Waard werken samen.",
    "Natuurlijk moet dat anders. Verder is er veel gedaan.",
    "De film Open Deur (een jaar in de inloop) werd vertoond.",
    "De sessie Samen Sterk in de Wijk was druk bezocht.",
    "Ze woont aan de Kerkstraat in Utrecht.",
    # fields after a role word, organisation compounds
    "Het woord was aan lector Creatieve Therapie en lector Financiële Zelfredzaamheid.",
    "Er kwamen docenten en studenten Social Work naar de Vrijwilligerscentrale Zwolle.",
    "Het Jeugdoverleg Oostwijk begon om acht uur.",
    # the name of an organisation after its type word, places after a preposition
    "Stichting Samen Op Weg gaf een presentatie over haar aanpak.",
    "Stichting Tom&Co en Huize Zonneweide helpen gezinnen.",
    "In Ter Aar is de situatie anders.",
    # an organisation after "van": the verb belongs to the head of the phrase
    "Een vrijwilliger van De Schakel vulde aan dat het druk is.",
    # a meeting named with a place, a shop named with a first name after a capital preposition
    "Dialoogtafel Zuidwijk: ‘Luister eerst en oordeel later, dan komen we verder’",
    "Ze haalt kleren bij kringloopwinkel Bij Marieke om de hoek.",
    "Reacties (0) Wees de eerste die reageert op dit bericht.",
    "Het ging over armoede.\n\nReacties (12)  ·  Delen  ·  Meer nieuws uit de wijk",
    "Reageer (4) | Deel via WhatsApp | Meer over: Armoede",
    # a word the report uses as a place is no surname
    "De bijeenkomst was in Brakelo. Buurtbus Brakelo zegt dat er chauffeurs nodig zijn.",
    "Het lectoraat werkt met Mantelzorgcoalitie Wenterdam, de gemeente Wenterdam en Wenterdam zegt dat het goed is.",
    # first names that are also words, at a sentence start
    "Toon aan dat het werkt. Ben je er ook bij?",
    "Wil je meedoen? Frank en vrij spraken de bewoners over geld.",
])
def test_persons_ignores_laws_places_organisations_and_titles(analyse, text):
    assert names(analyse(text)) == []


@pytest.mark.parametrize("text, expected", [
    # a role word after a first name is a surname
    ("Huisarts Paul Meester vertelde dat de praktijk vraagt wie er thuis zorgt.", ["Paul Meester"]),
    # a plural role inside a capitalised name is no title; a name after "van" and a noun is an organisation
    ("Teamleider Jeroen Faddegon van het Centrum voor Jeugd en Ouders Molenbroek legde uit dat het druk is.",
     ["Jeroen Faddegon"]),
    ("Intern begeleider Marloes de Wit van basisschool De Vlieger stelde dat scholen de kosten opdrijven.",
     ["Marloes de Wit"]),
    # a second tussenvoegsel after the surname starts the organisation
    ("Jongerenwerker Yusuf El Amrani van Jongerenwerk Brakelveen legde uit dat het druk is.", ["Yusuf El Amrani"]),
])
def test_persons_role_words_in_names_and_names_of_organisations(analyse, text, expected):
    assert names(analyse(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In Brakelo sprak Pieter Brakelo over de buurtbus.", ["Pieter Brakelo"]),
    # a title or a tussenvoegsel makes a place-like surname a person; "te" is no place word
    ("Mevrouw Zwolle woont al jaren in Zwolle en vertelde dat het goed gaat.", ["Zwolle"]),
    ("Wethouder Van Assen sprak in Assen. Volgens Van Assen moet het anders.", ["Van Assen"]),
    ("De heer te Velde opende de avond in Velde. Te Velde vertelde dat het druk was.", ["Te Velde"]),
])
def test_persons_a_place_as_surname_still_names_a_person(analyse, text, expected):
    assert names(analyse(text)) == expected


@pytest.mark.parametrize("text, name, mentions", [
    ("Lector Tineke Vos opent. Later zegt Vos dat het werkt.", "Tineke Vos", ["Tineke Vos", "Vos"]),
    ("Jorrit van Kampen sprak eerst. Van Kampen vertelt dat het lukt.", "Jorrit van Kampen",
     ["Jorrit van Kampen", "Van Kampen"]),
    ("Net als Femke denken velen mee. Femke de Graaf (16) wil een panel.", "Femke de Graaf",
     ["Femke", "Femke de Graaf"]),
])
def test_persons_resolves_surname_and_first_name_mentions(analyse, text, name, mentions):
    doc = analyse(text)
    actor = next(a for a in doc._.wsd_actors if a.name == name)
    assert [doc.text[s:e] for s, e in actor.mentions] == mentions
    spans = [s.text for s in doc.spans["wsd_mentions"] if s._.wsd_actor == actor.id]
    assert spans == mentions


@pytest.mark.parametrize("text", [
    "Meer weten? Neem contact op met Willemijn Post (w.post@voorbeeld.nl).",
    "Vragen kun je mailen naar Bart Kuipers.",
    "Meedoen of vrijwilliger worden? Bel Greet op 06-12345678.",
    "Tekst: Roelof Dijkman\n\nDe bewoners van de wijk spraken over de kosten van energie.",
    "Afwezig met bericht: dhr. P. Kramer (Humanitas), mw. L. Dekker (cliëntenraad)\n\nDe voorzitter opent.",
    "Verhinderd:\nIlse Brouwer, Kees Mulder\n\nDe voorzitter opent de vergadering om acht uur.",
    "Foto's: Roelof Dijkman. De bewoners van de wijk spraken over de kosten van energie.",
    "De middag was druk bezocht. Dit verslag is geschreven door Bas Wolters.",
    "Gepost op 11 december 2024 door Jan Verhaegen\n\nDe bewoners spraken over wonen.",
])
def test_persons_leaves_out_contact_persons_and_authors(analyse, text):
    assert names(analyse(text)) == []


def test_persons_absent_line_under_the_attendance_line(analyse):
    doc = analyse("Aanwezig: Piet de Vries (gemeente), Anja Smit (Voedselbank)\n"
                  "Afwezig met bericht: Lotte Schaap (cliëntenraad)\n\nPiet de Vries opent de vergadering.")
    assert names(doc) == ["Piet de Vries", "Anja Smit"]


def test_persons_ids_follow_first_mention(analyse):
    doc = analyse("Anna Visser zegt dat het goed gaat. Daarna vertelt Pieter Bakker dat het niet zo is.")
    assert [(a.id, a.name) for a in doc._.wsd_actors] == [("a1", "Anna Visser"), ("a2", "Pieter Bakker")]


def test_persons_take_person_entities_of_a_trained_pipeline_as_evidence():
    """A trained nl_core_news_* pipeline sets doc.ents before wsd_persons; simulated here."""
    from spacy.tokens import Span

    from wsd_text.nlp import build_pipeline

    nlp = build_pipeline()
    text = "Daarna sprak Zwanet over de buurt en de kosten."
    doc = nlp(text)
    assert names(doc) == []  # one unknown word: no evidence without a tagger
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, 2, 3, label="PERSON")]
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert names(doc) == ["Zwanet"]
