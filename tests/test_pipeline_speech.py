"""Speech cues and ``speaks`` (ANNOTATION.md §2, §3, §9.3)."""
import pytest


def speakers(doc):
    return [a.name or a.description for a in doc._.wsd_actors if a.speaks]


def cues(doc):
    return [(s.text, s._.wsd_actor) for s in doc.spans["wsd_speech"]]


@pytest.mark.parametrize("text, cue", [
    ("Anna Visser zegt dat de wachtlijst te lang is.", "zegt"),
    ("Anna Visser legt uit waarom het wijkteam werkt.", "legt uit"),
    ("Anna Visser vult aan dat vrijwilligers onmisbaar zijn.", "vult aan"),
    ("Anna Visser geeft aan dat het beter moet.", "geeft aan"),
    ("Tot slot doet Anna Visser een oproep om mee te doen.", "doet"),
    ("Aan het slot benadrukt onderzoeker Anna Visser dat het werkt.", "benadrukt"),
    ("Anna Visser (lector Armoede) concludeert dat het anders moet.", "concludeert"),
    ("Anna Visser, directeur van de bank, pleit voor meer tijd.", "pleit"),
    ("Daarna presenteerde Anna Visser haar onderzoek naar schulden.", "presenteerde"),
    ("Anna Visser schetst de geschiedenis van de wet.", "schetst"),
    ("Anna Visser herkent de verhalen van de ouders.", "herkent"),
    ("Ten slotte vraagt Anna Visser de aanwezigen wat ze ervan vonden.", "vraagt"),
    ("Het moet sneller, aldus Anna Visser.", "aldus"),
    ("Volgens Anna Visser is de drempel te hoog.", "Volgens"),
    ("Later stelde Anna Visser voor dat de gemeente meebetaalt.", "stelde"),
    ("“Dit is echt nodig voor de wijk”, lacht Anna Visser.", "lacht"),
])
def test_speech_verbs_make_the_subject_speak(analyse, text, cue):
    doc = analyse(text)
    assert speakers(doc) == ["Anna Visser"]
    assert cues(doc)[0] == (cue, "a1")


@pytest.mark.parametrize("text", [
    "Anna Visser was erbij.\n\nVisser: “We hebben dit samen met de bewoners bedacht.”",
    "Anna Visser was erbij. Vraag van Anna: Wie regelt de zaal voor de volgende keer?",
])
def test_speech_colon_labels(analyse, text):
    doc = analyse(text)
    assert speakers(doc) == ["Anna Visser"]


def test_speech_pronoun_takes_last_person(analyse):
    doc = analyse("Anna Visser werkt bij de bank. Ze vertelt dat veel mensen schulden hebben.")
    assert cues(doc) == [("vertelt", "a1")]


def test_speech_quote_after_subject_sentence(analyse):
    doc = analyse("Pieter Bakker houdt een verhaal over stress. “We wilden een andere aanpak voor iedereen.”")
    assert speakers(doc) == ["Pieter Bakker"]


def test_speech_quote_after_colon_sentence(analyse):
    doc = analyse("Pieter Bakker sluit de middag af:\n\n“Bedankt voor alle goede ideeën van vandaag.”")
    assert speakers(doc) == ["Pieter Bakker"]


def test_speech_pull_quote_caption(analyse):
    doc = analyse("We moeten veel beter luisteren naar kinderen Anna Visser - wethouder\n\nDe middag begon.")
    assert speakers(doc) == ["Anna Visser"]


@pytest.mark.parametrize("text", [
    "Anna Visser opent de bijeenkomst en heet iedereen welkom.",
    "Anna Visser bedankt de sprekers.",
    "Daan Smit (24), die in een podcast vertelt over zijn plannen.",
    "Anna Visser vertelt over armoede.",
    "Anna Visser en Pieter Bakker delen hun verhaal en beantwoorden ze de vragen van het publiek.",
    "Volgens de Jeugdwet moet de gemeente dat doen.",
])
def test_speech_no_content_is_not_speaking(analyse, text):
    assert speakers(analyse(text)) == []


@pytest.mark.parametrize("text", [
    "Jongerenwerker Kees Bos legde uit hoe het gaat. Een meisje vertelde haar onlangs dat ze liever naar school gaat.",
    "Een vader zei laatst dat hij de brieven niet meer opent.",
    "Jongerenwerker Kees Bos ziet het vaak. Een meisje had hem verteld dat ze liever naar school gaat.",
])
def test_speech_recounted_words_of_an_anonymous_person_are_not_hers(analyse, text):
    assert all(a.name is not None for a in analyse(text)._.wsd_actors if a.speaks)


@pytest.mark.parametrize("text, description", [
    ("Een moeder vertelde dat ze de rekeningen niet meer kan betalen.", "Een moeder"),
    ("Een moeder vertelde haar ervaringen met de schuldhulp: ze wachtte een jaar op hulp.", "Een moeder"),
    ("Een leerkracht van groep 7 vertelde hoe haar school het schoolreisje betaalt: ‘Nu gaat iedereen mee.’",
     "Een leerkracht"),
])
def test_speech_anonymous_person_speaking_now_still_speaks(analyse, text, description):
    doc = analyse(text)
    assert [(a.description, a.speaks) for a in doc._.wsd_actors] == [(description, True)]


def test_speech_report_we_is_no_actor(analyse):
    doc = analyse("We spraken samen af dat er een vervolg komt. Wij zien dat het werkt.")
    assert doc._.wsd_actors == []


# The subject of a V2 clause is its whole first constituent: a name with a "van" phrase, an
# apposition or a relative clause, or several names joined by "en".
@pytest.mark.parametrize("text", [
    "Sanne Dekker van de voedselbank vertelde dat het aantal klanten stijgt.",
    "Sanne Dekker van Humanitas Zuid legt uit dat het aantal maatjes groeit.",
    "Sanne Dekker van de gemeente Utrecht benadrukt dat de regeling blijft.",
    "Sanne Dekker, die al jaren bij de kredietbank werkt, vertelde dat de drempel hoog is.",
    "Sanne Dekker, moeder van drie kinderen, vertelde dat ze soms niet kan rondkomen.",
    "Sanne Dekker (lector Armoede) van de hogeschool vertelde dat het anders moet.",
    "Sanne Dekker, coördinator van het buurthuis gaf aan dat er meer vrijwilligers nodig zijn.",
    "Daarna vertelde ook de consulent, Sanne Dekker, dat er een nieuwe regeling komt.",
    "De consulent, Sanne Dekker, vertelde dat er een nieuwe regeling komt.",
    "Docent sociaal werk Sanne Dekker presenteerde haar onderzoek naar eenzaamheid.",
    "Consulent Sanne Dekker wees erop dat veel gezinnen geen toeslag aanvragen.",
    "Sanne Dekker (19) studeert op het mbo en vertelt dat haar vrienden de weg niet weten.",
    "Het woord was aan Sanne Dekker, die vertelde dat de wachtlijst korter wordt.",
    "Sanne Dekker heeft in haar presentatie uitgelegd dat de aanpak werkt.",
    "Daarna heeft Sanne Dekker erop gewezen dat de regeling onbekend is.",
    "Het begon goed. Sanne Dekker herkent dat. Zij legt uit dat mensen sneller hulp zoeken.",
])
def test_speech_subject_with_modifiers(analyse, text):
    assert speakers(analyse(text)) == ["Sanne Dekker"]


@pytest.mark.parametrize("text, expected", [
    ("Sanne Dekker en Joris Hendriks vertelden dat de drempel te hoog is.", ["Sanne Dekker", "Joris Hendriks"]),
    ("Sanne Dekker, Joris Hendriks en Bram Peters lichtten toe hoe het fonds werkt.",
     ["Sanne Dekker", "Joris Hendriks", "Bram Peters"]),
])
def test_speech_coordinated_subjects_all_speak(analyse, text, expected):
    doc = analyse(text)
    assert speakers(doc) == expected
    assert [actor for _, actor in cues(doc)][0] == "a1"  # §9.9: the first named comes first


@pytest.mark.parametrize("text", [
    "Sanne Dekker werkt bij de kredietbank. Volgens haar is de drempel voor jongeren te hoog.",
    "Sanne Dekker werkt bij de kredietbank. Volgens hem is het te laat, zei ze later.",
    "Sanne Dekker werkt bij de kredietbank. “We moeten veel vaker langsgaan bij gezinnen”, zegt ze.",
    "Sanne Dekker werkt bij de kredietbank. “Het loket moet gewoon open blijven”, zegt zij.",
])
def test_speech_pronoun_source_takes_last_person(analyse, text):
    assert speakers(analyse(text)) == ["Sanne Dekker"]


def test_speech_pronoun_takes_anonymous_subject_of_its_sentence(analyse):
    doc = analyse("Joris Hendriks was er ook. Een vrijwilliger reageerde dat het volgens haar simpel is.")
    assert cues(doc) == [("reageerde", "a2"), ("volgens", "a2")]


@pytest.mark.parametrize("text", [
    # a job title the lexicon does not know, at the clause start before the name
    "Praktijkondersteuner Linda Smeets van Huisartsenpraktijk De Wilg vertelde dat de praktijk vraagt wie zorgt.",
    # "en" inside the name of an organisation in a long "van" phrase
    "Teamleider Linda Smeets van het Centrum voor Jeugd en Ouders Molenbroek legde uit dat het druk is.",
])
def test_speech_subject_with_an_unknown_title_or_a_long_organisation(analyse, text):
    assert speakers(analyse(text)) == ["Linda Smeets"]


@pytest.mark.parametrize("text, expected", [
    ("Dagvoorzitter Anna Visser opende met een vraag aan de zaal: wie heeft dit jaar een rekening laten liggen?",
     ["Anna Visser"]),
    ("Anna Visser begon met een handopsteekronde: wie in de zaal zorgt zelf voor een ander?", ["Anna Visser"]),
    # no subject before the colon, or a statement after it
    ("Aanwezig: Anna Visser en Piet Smit. Wie komt er volgende keer?", []),
    ("Anna Visser opende met een rondje: iedereen noemde zijn naam en zijn werk.", []),
])
def test_speech_a_question_after_a_colon_is_asked_by_the_subject(analyse, text, expected):
    assert speakers(analyse(text)) == expected


def test_speech_pronoun_skips_an_anonymous_object_after_the_named_subject(analyse):
    doc = analyse("Joris Hendriks vroeg om een vaste medewerker op de avond, maar volgens hem komt er geen antwoord.")
    assert cues(doc) == [("vroeg", "a1"), ("volgens", "a1")]


@pytest.mark.parametrize("text", [
    "Sanne Dekker werkt bij de kredietbank. Volgens haar moeder is de drempel te hoog.",
    "Sanne Dekker en Joris Hendriks werken bij de kredietbank. Volgens hen is de drempel te hoog.",
])
def test_speech_volgens_possessive_or_plural_is_not_the_person(analyse, text):
    assert speakers(analyse(text)) == []


@pytest.mark.parametrize("text", [
    "Sanne Dekker betoogde dat de toeslagen eenvoudiger moeten.",
    "Sanne Dekker constateerde dat veel inwoners de regeling niet kennen.",
    "Sanne Dekker opperde om de spreekuren in de bibliotheek te houden.",
    "Sanne Dekker gaf toe dat de gemeente te traag reageert.",
    "Sanne Dekker adviseerde de gemeente om vaker langs te gaan.",
    "Sanne Dekker suggereerde dat een vast aanspreekpunt helpt.",
    "Sanne Dekker beaamde dat de wachttijd te lang is.",
    "Sanne Dekker bepleitte een ruimere regeling voor jongeren.",
    "Sanne Dekker kondigde aan dat de gemeente in juni een voorstel doet.",
    "Sanne Dekker belooft dat de folder in het najaar klaar is.",
    "Sanne Dekker deelde mee dat het fonds is uitgeput.",
    "Sanne Dekker bracht naar voren dat vrijwilligers te weinig steun krijgen.",
    "Sanne Dekker verduidelijkte dat de regeling voor iedereen geldt.",
    "Sanne Dekker wijst erop dat de wachtlijst groeit.",
    "Sanne Dekker merkte op dat er niemand van de cliëntenraad was.",
    "Sanne Dekker reageerde dat het plan te duur is.",
    "Sanne Dekker antwoordde dat de gemeente het betaalt.",
    "Sanne Dekker waarschuwde dat de schulden oplopen.",
    "Sanne Dekker vindt dat het sneller moet.",
    "Sanne Dekker dacht dat de regeling bekend was.",
    "Sanne Dekker hoopt dat meer mensen zich melden.",
    "Sanne Dekker erkende dat het loket slecht bereikbaar is.",
    "Sanne Dekker noemde drie knelpunten in de aanvraag.",
    "Sanne Dekker lichtte toe hoe de regeling werkt.",
    "Sanne Dekker zegde toe dat de cijfers worden nagestuurd.",
    "Sanne Dekker heeft gezegd dat de regeling blijft.",
    "Het is goed dat Sanne Dekker toegeeft dat het beter kan.",
    "Sanne Dekker was kritisch over de nieuwe regeling.",
])
def test_speech_more_verbs_of_saying(analyse, text):
    assert speakers(analyse(text)) == ["Sanne Dekker"]


# Minutes put the speaker in a label at the line start, after titles or role words and with
# the organisation in brackets (ANNOTATION.md §3 "Naam: ...").
@pytest.mark.parametrize("text, name", [
    ("Wethouder Sanne Dekker: het college komt in juni met een voorstel aan de raad.", "Sanne Dekker"),
    ("Mevr. Dekker (wijkteam): het wijkteam ziet steeds meer jonge gezinnen.", "Dekker"),
    ("Dhr. Hendriks: merkt op dat er niemand van de cliëntenraad aan tafel zat.", "Hendriks"),
    ("De heer Hendriks (voedselbank): de vrijwilligers willen warm overdragen aan het wijkteam.", "Hendriks"),
    ("Het overleg begint. Mevr. Dekker (gemeente): het formulier telt vier pagina's in plaats van elf.",
     "Dekker"),
])
def test_speech_minutes_labels(analyse, text, name):
    assert speakers(analyse(text)) == [name]


def test_speech_group_reaction_counts(analyse):
    doc = analyse("De deelnemers waren enthousiast over de nieuwe aanpak van het wijkteam.")
    assert speakers(doc) == ["De deelnemers"]


@pytest.mark.parametrize("text", [
    "Sanne Dekker vertelt over haar werk bij de voedselbank.",
    "Sanne Dekker van de voedselbank opent de avond en heet iedereen welkom.",
    "Sanne Dekker en Joris Hendriks bedanken de sprekers.",
    "Contactpersoon: Sanne Dekker, telefoon 06 1234 5678.",
    "Dhr. Hendriks: geen vragen.",
    "Werkwijze: de bewoner houdt zelf de regie over het hele plan.",
    "De deelnemers gingen tevreden naar huis.",
    "De cijfers die Joris Hendriks kreeg, lieten zien dat de wijk armer wordt.",
    "Sanne Dekker heeft geen tijd om te vertellen hoe het ging.",
    # a verb form after an article or "geen" is a noun
    "Mevrouw Dekker heeft geen vragen.",
    "Joris Hendriks krijgt veel vragen over de toeslag.",
])
def test_speech_still_not_speaking(analyse, text):
    assert speakers(analyse(text)) == []


@pytest.mark.parametrize("text, expected", [
    # a preposition before a name is no job title; "het" before a participle is an object pronoun
    ("Aan Els Kok vroeg de voorzitter of het lukte.", ["de voorzitter"]),
    ("Anna de Vries heeft het uitgelegd aan de ouders.", ["Anna de Vries"]),
    # who is asked a question does not ask it
    ("Mevrouw Jansen kreeg de vraag: hoe lang wacht u al op de toeslag?", []),
    # an anonymous subject after a name in a subordinate clause takes the pronoun
    ("Toen Anna Smit klaar was, reageerde een vrijwilliger dat het volgens haar te weinig was.", ["een vrijwilliger"]),
])
def test_speech_review_cases(analyse, text, expected):
    assert speakers(analyse(text)) == expected


def test_speech_pronoun_after_a_sentence_naming_two_people_is_its_subject(analyse):
    doc = analyse("Jongerenwerker Dave Bos herkende het beeld dat Hoekstra schetste. Hij legde uit dat de jongeren "
                  "die hij spreekt zelden naar een loket gaan.")
    names = {a.id: a.name for a in doc._.wsd_actors}
    assert {names[c._.wsd_actor] for c in doc.spans["wsd_speech"] if c.text in ("legde uit", "spreekt")} == {"Dave Bos"}


def test_speech_recounted_words_are_said_by_who_recounts_them(analyse):
    doc = analyse("Jongerenwerker Dave Bos legde uit dat jongeren zelden bellen. Een jongen zei laatst tegen hem: "
                  "‘Ik maak die blauwe enveloppen gewoon niet meer open.’")
    names = {a.id: a.name or a.description for a in doc._.wsd_actors}
    assert speakers(doc) == ["Dave Bos"]
    assert [names[q.actor] for q in doc._.wsd_quotes] == ["Dave Bos"]


def test_speech_quote_in_recounted_words_goes_to_the_teller(analyse):
    doc = analyse("Jongerenwerker Kees Bos ziet het vaak. Een meisje vertelde hem onlangs dat ze liever naar "
                  "school gaat, 'omdat er op school tenminste iemand naar je kijkt'.")
    (quote,) = doc._.wsd_quotes
    assert {a.id: a.name for a in doc._.wsd_actors}[quote.actor] == "Kees Bos"
