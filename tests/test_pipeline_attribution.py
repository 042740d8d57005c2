"""Quote attribution: the cue that names the speaker (ANNOTATION.md §3, §8.8, §8.9, §9.8, §9.9).

Mentions and actors are set by hand, so these tests do not depend on the actor components.
"""
import re

import pytest
import spacy

import wsd_text.pipeline  # noqa: F401  (registers wsd_quotes)
from wsd_text.records import Actor
from wsd_text.pipeline.extensions import register_extensions

# id -> (kind, mention label, surface forms as written in the test sentences)
ACTORS = {
    "jan": ("individual", "PERSON", ["Jan de Vries", "De Vries", "Jan"]),
    "ans": ("individual", "PERSON", ["Ans Bakker", "Bakker", "Ans"]),
    "witte": ("individual", "PERSON", ["Toby Witte", "Witte"]),
    "voorz": ("individual", "ROLE", ["de voorzitter"]),
    "moeder": ("individual", "ANON", ["een moeder", "Een moeder"]),
    "vrijw": ("group", "GROUP", ["De nieuwe vrijwilligers", "de nieuwe vrijwilligers"]),
    "poll": ("group", "POLL", ["de deelnemers"]),
}


@pytest.fixture(scope="module")
def quote_nlp():
    register_extensions()
    nlp = spacy.blank("nl")
    nlp.add_pipe("wsd_quotes")
    return nlp


def annotate(nlp, text, speech=()):
    """A Doc with hand-made mentions (longest surface first), actors and speech cues, then wsd_quotes."""
    doc = nlp.make_doc(text)
    spans, taken = [], set()
    forms = sorted(((f, a) for a, (_, _, fs) in ACTORS.items() for f in fs), key=lambda x: -len(x[0]))
    for form, actor in forms:
        for match in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if taken.isdisjoint(range(match.start(), match.end())):
                span = doc.char_span(match.start(), match.end(), label=ACTORS[actor][1])
                span._.wsd_actor = actor
                spans.append(span)
                taken.update(range(match.start(), match.end()))
    doc.spans["wsd_mentions"] = spans
    cues = []
    for words, actor in speech:
        start = text.index(words)
        cue = doc.char_span(start, start + len(words), alignment_mode="expand")
        cue._.wsd_actor = actor
        cues.append(cue)
    doc.spans["wsd_speech"] = cues
    doc._.wsd_actors = [Actor(id=a, name=None, description=None, role=None, organisation=None, kind=kind)
                        for a, (kind, _, _) in ACTORS.items()]
    return nlp.get_pipe("wsd_quotes")(doc)


def speakers(doc):
    return [(q.text, q.actor) for q in doc._.wsd_quotes]


@pytest.mark.parametrize("text, expected", [
    # Naam: “…”
    ("Witte: „Dit raakt mij diep.”", [("Dit raakt mij diep.", "witte")]),
    ("Na de pauze vult Ans aan: „Het gaat om vertrouwen.”", [("Het gaat om vertrouwen.", "ans")]),
    # the colon ends the paragraph before the quote
    ("Tot slot benadrukte een moeder al:\n\n‘Beloof niks wat je niet waar kunt maken.’",
     [("Beloof niks wat je niet waar kunt maken.", "moeder")]),
    # a quote spoken jointly goes to the first named (§9.9)
    ("Jan de Vries en Ans Bakker zeggen: „Wij doen dit samen.”", [("Wij doen dit samen.", "jan")]),
    # a mention after a preposition is no speaker
    ("In gesprek met Witte zegt Ans: „Dat vind ik heel mooi.”", [("Dat vind ik heel mooi.", "ans")]),
])
def test_pipeline_attribution_colon(quote_nlp, text, expected):
    doc = annotate(quote_nlp, text)
    assert speakers(doc) == expected
    assert all(q.cue.startswith("colon: ") for q in doc._.wsd_quotes)


@pytest.mark.parametrize("text, expected", [
    ("“Het moet anders”, aldus Toby Witte van de hogeschool.", "witte"),
    ("„Wij kunnen dit niet alleen,” zegt Ans Bakker.", "ans"),
    ("„Wie heeft er nog een vraag?” roept de voorzitter.", "voorz"),   # a question (§8.8)
    ("„Wie van jullie komt er morgen?” vraagt coördinator Jan de Vries.", "jan"),
    ("„Hier staat de koffie klaar”, gebaart Jan naar de tafel.", "jan"),  # any verb before a mention
    ("'Wij hebben goede ideeën voor de stad,' weet Ans uit de wijk.", "ans"),
    ("“Het samenbrengen van mensen is essentieel”, zo zegt Toby Witte.", "witte"),
])
def test_pipeline_attribution_after_the_quote(quote_nlp, text, expected):
    (quote,) = annotate(quote_nlp, text)._.wsd_quotes
    assert quote.actor == expected and quote.cue.startswith("after: ")


@pytest.mark.parametrize("text, expected", [
    # the pronoun goes to the subject of the nearest earlier sentence with a mention
    ("Ans sprak eerder met Jan, waarna ze een plan schreef. „Het blijft lastig om mensen te bereiken”, vertelt ze.",
     "ans"),
    ("Jan de Vries werkt bij de gemeente. Hij kent de wijk goed. „Iedereen kent hier iedereen”, zegt hij.", "jan"),
])
def test_pipeline_attribution_pronoun_after_the_quote(quote_nlp, text, expected):
    (quote,) = annotate(quote_nlp, text)._.wsd_quotes
    assert quote.actor == expected


@pytest.mark.parametrize("text, expected", [
    # a quote right after a sentence whose subject is the speaker
    ("Witte legt uit waarom de wijk belangrijk is. „Hier wonen de mensen om wie het gaat.”", "witte"),
    ("Ans Bakker houdt een verhaal over haar werk. “We wilden een andere aanpak.”", "ans"),
    ("Ans Bakker kwam als eerste. Begrip is er lang niet altijd, zegt ze. ‘Ik schaamde me toen.’", "ans"),
    # the subject is a pronoun: its verb tells one person from a group
    ("Ans Bakker is adviseur. Daarnaast is ze vrijwilliger. Ze vertelt graag. ‘Het kan iedereen overkomen.’", "ans"),
    ("De nieuwe vrijwilligers zien elkaar voor het eerst. Ze schudden handen. „Woon je in de buurt?”", "vrijw"),
    # a group cannot say "ik": the nearest fitting subject in the paragraph is taken
    ("Jan heeft een plan. De nieuwe vrijwilligers denken mee. Ze doen ook mee. „Ik heb het idee zelf bedacht.”",
     "jan"),
    # a quote inside a sentence goes to that sentence's subject
    ("Toby Witte denkt “dat de oplossingen vaak simpel zijn, als je maar wilt.”", "witte"),
    ("Neem Jan. Hij zat een jaar thuis („om te klussen”) en zoekt nu werk.", "jan"),
])
def test_pipeline_attribution_sentence_subject(quote_nlp, text, expected):
    (quote,) = annotate(quote_nlp, text)._.wsd_quotes
    assert quote.actor == expected


def test_pipeline_attribution_interrupted_quote_is_two_quotes_of_one_speaker(quote_nlp):
    text = "„Het gaat niet goed”, zegt Ans Bakker, directeur van de stichting, „want de wachtlijsten groeien.”"
    assert speakers(annotate(quote_nlp, text)) == [("Het gaat niet goed", "ans"),
                                                   ("want de wachtlijsten groeien.", "ans")]


def test_pipeline_attribution_quote_broken_by_a_new_speaker(quote_nlp):
    text = "Jan: „We moeten dit samen doen.” Witte vult aan: „Dan moet iedereen wel meedoen.”"
    assert speakers(annotate(quote_nlp, text)) == [("We moeten dit samen doen.", "jan"),
                                                   ("Dan moet iedereen wel meedoen.", "witte")]


def test_pipeline_attribution_continuation_after_a_known_speaker(quote_nlp):
    text = ("„Hier staat de koffie”, zegt Jan. „En er zijn koekjes voor iedereen.” De vrijwilligers lachen.\n\n"
            "Ans vertelt: “Het begon heel klein.” Nu komen er elke week meer mensen. Het is een beweging.”")
    assert speakers(annotate(quote_nlp, text)) == [
        ("Hier staat de koffie", "jan"), ("En er zijn koekjes voor iedereen.", "jan"),
        ("Het begon heel klein.", "ans"), ("Nu komen er elke week meer mensen. Het is een beweging.", "ans")]


def test_pipeline_attribution_back_reference(quote_nlp):
    text = "‘Hoe maken we de hulp beter bereikbaar?’ Met deze vraag opende de voorzitter de avond."
    (quote,) = annotate(quote_nlp, text)._.wsd_quotes
    assert quote.actor == "voorz" and quote.cue.startswith("back-reference: ")


def test_pipeline_attribution_recounted_words_go_to_the_teller(quote_nlp):
    text = "Een moeder vertelde: ‘Mijn zoon zei tegen mij: “ik wil niet naar school”. Toen schrok ik.’"  # §9.8
    assert speakers(annotate(quote_nlp, text)) == [
        ("Mijn zoon zei tegen mij: “ik wil niet naar school”. Toen schrok ik.", "moeder")]


@pytest.mark.parametrize("text", [
    # a list of answers after a passage that runs a poll (§8.9)
    "Aan het eind stemden de deelnemers via de Mentimeter. Een greep uit de antwoorden:\n\n"
    "- ‘Meer tijd voor elkaar’\n\n- ‘Elkaar beter leren kennen’",
    # answers in running text after a paragraph of questions
    "Met de deelnemers ging het gesprek over de gemeente.\n\n"
    "De volgende vragen gingen over de gemeente: is deze goed te bereiken?\n\n"
    "Bellen gaat moeizaam, ”eigenlijk moet je alles per e-mail doen”. En “ze snappen soms niet dat al die",
])
def test_pipeline_attribution_poll_answers_go_to_the_group(quote_nlp, text):
    doc = annotate(quote_nlp, text)
    assert len(doc._.wsd_quotes) == 2
    assert all(q.actor == "poll" and q.cue.startswith("poll: ") for q in doc._.wsd_quotes)


def test_pipeline_attribution_answers_named_in_their_own_sentence_go_to_the_group(quote_nlp):
    doc = annotate(quote_nlp, "In een peiling kozen de deelnemers hun prioriteit. De populairste antwoorden "
                              "waren “Meer groen in de straat”, “Een buurthuis dat open is” en “Veilige fietspaden voor iedereen”.")
    assert [q.actor for q in doc._.wsd_quotes] == ["poll", "poll", "poll"]


@pytest.mark.parametrize("text", [
    # a quote in narration naming no speaker (§8.9)
    "In de deelsessies delen de deelnemers ervaringen. Samenwerking is lastig. "
    "”Veel hulpverleners zijn met hun eigen stukje bezig.”",
    "Zo wordt het verhaal van Witte gestaafd. Outreachend werken („de burger komt niet naar ons toe”) helpt.",
    # a headline quote that no body quote repeats closely enough
    "‘Kijk naar de persoon, zonder oordeel!’\n\nAns Bakker vertelt: ‘Die persoon had het zwaar gehad.’",
])
def test_pipeline_attribution_null_when_the_report_does_not_tell(quote_nlp, text):
    assert annotate(quote_nlp, text)._.wsd_quotes[0].actor is None


def test_pipeline_attribution_quote_paragraph_continues_the_paragraph_before(quote_nlp):
    doc = annotate(quote_nlp, "Ans Bakker vertelde hoe het jaren geleden begon.\n\n"
                              "„Ik had een la vol brieven. Op een dag heb ik hulp gevraagd.”")
    assert [(q.actor, q.cue.split(":")[0]) for q in doc._.wsd_quotes] == [("ans", "previous paragraph")]


def test_pipeline_attribution_quote_paragraph_after_a_heading_stays_open(quote_nlp):
    doc = annotate(quote_nlp, "Ans Bakker vertelde hoe het begon.\n\nHulp vragen\n\n"
                              "„Ik had een la vol brieven. Op een dag heb ik hulp gevraagd.”")
    assert [q.actor for q in doc._.wsd_quotes] == [None]


def test_pipeline_attribution_pull_quote_echo_overrides_the_paragraph_before(quote_nlp):
    doc = annotate(quote_nlp, "Ans Bakker zegt: “Buurtteams moeten vaker op huisbezoek bij gezinnen.”\n\n"
                              "Daarna vertelde Jan de Vries over de kosten.\n\n"
                              "“Vaker op huisbezoek bij gezinnen, dat werkt.”")
    assert [q.actor for q in doc._.wsd_quotes] == ["ans", "ans"]


def test_pipeline_attribution_pull_quote_echoes_its_body_quote(quote_nlp):
    text = ("Jan de Vries legt uit waarom het theater meedoet. „Mijn doel is om met theater de mensen een "
            "podium te geven.” Witte: „Armoede raakt steeds meer gezinnen.”\n\n"
            "„Met ons theater willen we mensen een podium geven.”")
    doc = annotate(quote_nlp, text)
    assert doc._.wsd_quotes[-1].actor == "jan" and doc._.wsd_quotes[-1].cue.startswith("echo: ")


def test_pipeline_attribution_speech_cue_span_is_a_fallback(quote_nlp):
    text = "Daarop volgde een reactie. „Dat had ik niet verwacht.”"
    doc = annotate(quote_nlp, text, speech=[("volgde een reactie", "witte")])
    assert doc._.wsd_quotes[0].actor == "witte"


def test_pipeline_attribution_marks_speaker_and_sets_spans(quote_nlp):
    doc = annotate(quote_nlp, "Witte: „Dit raakt mij diep.” Daarna sprak niemand meer.")
    assert {a.id for a in doc._.wsd_actors if a.speaks} == {"witte"}
    (span,) = doc.spans["wsd_quotes"]
    assert (span.text, span._.wsd_actor, span._.wsd_cue) == ("Dit raakt mij diep.", "witte", "colon: Witte:")
