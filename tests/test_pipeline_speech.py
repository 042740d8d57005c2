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
    ("In de afronding benadrukt onderzoeker Anna Visser dat het werkt.", "benadrukt"),
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
    "Anna Visser was erbij. Vraag van Anna: Leest iedereen de artikelen in de krant?",
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
    doc = analyse("Pieter Bakker sluit de middag af:\n\n“Het was een prachtige middag met veel mensen.”")
    assert speakers(doc) == ["Pieter Bakker"]


def test_speech_pull_quote_caption(analyse):
    doc = analyse("We moeten veel beter luisteren naar kinderen Anna Visser - wethouder\n\nDe middag begon.")
    assert speakers(doc) == ["Anna Visser"]


@pytest.mark.parametrize("text", [
    "Anna Visser opent de bijeenkomst en heet iedereen welkom.",
    "Anna Visser bedankt de sprekers.",
    "Fleur Jansen (26), die in een video vertelt over haar ideeën.",
    "Anna Visser vertelt over armoede.",
    "Anna Visser en Pieter Bakker delen hun ervaringen en beantwoorden ze vragen.",
    "Volgens de Jeugdwet moet de gemeente dat doen.",
])
def test_speech_no_content_is_not_speaking(analyse, text):
    assert speakers(analyse(text)) == []


def test_speech_report_we_is_no_actor(analyse):
    doc = analyse("We concludeerden gezamenlijk dat er meer nodig is. Wij zien dat het werkt.")
    assert doc._.wsd_actors == []
