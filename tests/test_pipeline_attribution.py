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
    "kees": ("individual", "PERSON", ["Kees van Dalen", "Van Dalen", "Kees"]),
    "ans": ("individual", "PERSON", ["Ans Bakker", "Bakker", "Ans"]),
    "verhoef": ("individual", "PERSON", ["Nadia Verhoef", "Verhoef"]),
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
    ("Verhoef: „Dit houdt mij wakker.”", [("Dit houdt mij wakker.", "verhoef")]),
    ("Na de pauze vult Ans aan: „Het gaat om vertrouwen.”", [("Het gaat om vertrouwen.", "ans")]),
    # the colon ends the paragraph before the quote
    ("Aan het einde zei een moeder nog:\n\n‘Stuur ons geen brief die niemand snapt.’",
     [("Stuur ons geen brief die niemand snapt.", "moeder")]),
    # a quote spoken jointly goes to the first named (§9.9)
    ("Kees van Dalen en Ans Bakker zeggen: „Wij doen dit samen.”", [("Wij doen dit samen.", "kees")]),
    # a mention after a preposition is no speaker
    ("In gesprek met Verhoef zegt Ans: „Dat vind ik heel mooi.”", [("Dat vind ik heel mooi.", "ans")]),
])
def test_pipeline_attribution_colon(quote_nlp, text, expected):
    doc = annotate(quote_nlp, text)
    assert speakers(doc) == expected
    assert all(q.cue.startswith("colon: ") for q in doc._.wsd_quotes)


@pytest.mark.parametrize("text, expected", [
    ("“Zo kan het niet langer”, aldus Nadia Verhoef van de hogeschool.", "verhoef"),
    ("„Wij kunnen dit niet alleen,” zegt Ans Bakker.", "ans"),
    ("„Wie heeft er nog een vraag?” roept de voorzitter.", "voorz"),   # a question (§8.8)
    ("„Wie van jullie komt er morgen?” vraagt teamleider Kees van Dalen.", "kees"),
    ("„De fietsen staan achter het hek”, wijst Kees naar buiten.", "kees"),  # any verb before a mention
    ("'Wij hebben goede ideeën voor de stad,' weet Ans uit de wijk.", "ans"),
    ("“Een goed gesprek begint met luisteren”, zo zegt Nadia Verhoef.", "verhoef"),
])
def test_pipeline_attribution_after_the_quote(quote_nlp, text, expected):
    (quote,) = annotate(quote_nlp, text)._.wsd_quotes
    assert quote.actor == expected and quote.cue.startswith("after: ")


@pytest.mark.parametrize("text, expected", [
    # the pronoun goes to the subject of the nearest earlier sentence with a mention
    ("Ans sprak eerder met Kees, waarna ze een plan schreef. „Het blijft lastig om mensen te bereiken”, vertelt ze.",
     "ans"),
    ("Kees van Dalen werkt bij de gemeente. Hij kent de wijk goed. „Iedereen kent hier iedereen”, zegt hij.", "kees"),
])
def test_pipeline_attribution_pronoun_after_the_quote(quote_nlp, text, expected):
    (quote,) = annotate(quote_nlp, text)._.wsd_quotes
    assert quote.actor == expected


@pytest.mark.parametrize("text, expected", [
    # a quote right after a sentence whose subject is the speaker
    ("Verhoef legt uit waarom de wijk belangrijk is. „Hier ken ik elke straat en elk portiek.”", "verhoef"),
    ("Ans Bakker houdt een verhaal over haar werk. “We wilden een andere aanpak.”", "ans"),
    ("Ans Bakker kwam als eerste. Hulp vragen voelde als falen, zegt ze. ‘Ik schaamde me toen.’", "ans"),
    # the subject is a pronoun: its verb tells one person from a group
    ("Ans Bakker is adviseur. Daarnaast is ze vrijwilliger. Ze vertelt graag. ‘Een rekening vergeten is zo gebeurd.’", "ans"),
    ("De nieuwe vrijwilligers zitten samen aan tafel. Ze pakken een kop thee. „Hoelang doe jij dit al?”", "vrijw"),
    # a group cannot say "ik": the nearest fitting subject in the paragraph is taken
    ("Kees heeft een plan. De nieuwe vrijwilligers denken mee. Ze doen ook mee. „Ik kwam er zelf op.”",
     "kees"),
    # a quote inside a sentence goes to that sentence's subject
    ("Nadia Verhoef hoopt “dat het loket straks ook ’s avonds opengaat, voor wie overdag werkt.”", "verhoef"),
    ("Neem Kees. Hij zat een jaar thuis („om te klussen”) en zoekt nu werk.", "kees"),
])
def test_pipeline_attribution_sentence_subject(quote_nlp, text, expected):
    (quote,) = annotate(quote_nlp, text)._.wsd_quotes
    assert quote.actor == expected


def test_pipeline_attribution_interrupted_quote_is_two_quotes_of_one_speaker(quote_nlp):
    text = "„Het gaat niet goed”, zegt Ans Bakker, directeur van de stichting, „want de wachtlijsten groeien.”"
    assert speakers(annotate(quote_nlp, text)) == [("Het gaat niet goed", "ans"),
                                                   ("want de wachtlijsten groeien.", "ans")]


def test_pipeline_attribution_quote_broken_by_a_new_speaker(quote_nlp):
    text = "Kees: „We moeten dit samen doen.” Verhoef vult aan: „Dan moet iedereen wel meedoen.”"
    assert speakers(annotate(quote_nlp, text)) == [("We moeten dit samen doen.", "kees"),
                                                   ("Dan moet iedereen wel meedoen.", "verhoef")]


def test_pipeline_attribution_continuation_after_a_known_speaker(quote_nlp):
    text = ("„De sleutel ligt onder de mat”, zegt Kees. „En de lampen gaan vanzelf aan.” De vrijwilligers lachen.\n\n"
            "Ans vertelt: “Het begon heel klein.” Nu komen er elke week meer mensen. Het is een beweging.”")
    assert speakers(annotate(quote_nlp, text)) == [
        ("De sleutel ligt onder de mat", "kees"), ("En de lampen gaan vanzelf aan.", "kees"),
        ("Het begon heel klein.", "ans"), ("Nu komen er elke week meer mensen. Het is een beweging.", "ans")]


def test_pipeline_attribution_back_reference(quote_nlp):
    text = "‘Wie wil er volgend jaar meehelpen?’ Met die vraag sloot de voorzitter de avond af."
    (quote,) = annotate(quote_nlp, text)._.wsd_quotes
    assert quote.actor == "voorz" and quote.cue.startswith("back-reference: ")


def test_pipeline_attribution_recounted_words_go_to_the_teller(quote_nlp):
    text = "Een moeder vertelde: ‘Mijn zoon zei tegen mij: “ik wil niet naar school”. Toen schrok ik.’"  # §9.8
    assert speakers(annotate(quote_nlp, text)) == [
        ("Mijn zoon zei tegen mij: “ik wil niet naar school”. Toen schrok ik.", "moeder")]


@pytest.mark.parametrize("text", [
    # a list of answers after a passage that runs a poll (§8.9)
    "Na de lunch stemden de deelnemers via de Mentimeter. Enkele van de antwoorden:\n\n"
    "- ‘Een vaste plek voor de jeugd’\n\n- ‘Minder formulieren om in te vullen’",
    # answers in running text after a paragraph of questions
    "Met de deelnemers ging het gesprek over de bibliotheek.\n\n"
    "Daarna twee vragen over de bibliotheek: zijn de openingstijden handig?\n\n"
    "Op zaterdag is het vol, ”dan vind je nergens een stoel”. En “de computers zijn vaak bezet door wie"
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
    "In kleine groepen praten de deelnemers over de wijkteams. Samenwerken blijft moeilijk. "
    "”Elke instantie kijkt alleen naar de eigen regels.”",
    "Zo wordt het betoog van Verhoef ondersteund. Huisbezoeken („wachten op een telefoontje werkt niet”) helpen.",
    # a headline quote that no body quote repeats closely enough
    "‘Neem de tijd voor een gesprek!’\n\nAns Bakker vertelt: ‘Die buurman had het zwaar gehad.’",
])
def test_pipeline_attribution_null_when_the_report_does_not_tell(quote_nlp, text):
    assert annotate(quote_nlp, text)._.wsd_quotes[0].actor is None


@pytest.mark.parametrize("text, expected", [
    # a label names who answers; words recounted in the answer go to the teller (§9.8)
    ("Ans: Thuis hoorde ik altijd: ‘over geld praat je niet met vreemden’. Dat vond ik gek.", "ans"),
    ("Mevr. Bakker (wijkteam): het team zegt vaak: ‘we zitten vol tot de zomer’. Dat moet anders.", "ans"),
    # "A:" answers the person the "V:" question addresses
    ("V: Kees, wat deed je met je eerste loon?\n\nA: Mijn vader zei: ‘eerst sparen, dan pas kopen’. "
     "Dat heb ik maar half gedaan.", "kees"),
])
def test_pipeline_attribution_interview_turns(quote_nlp, text, expected):
    assert [q.actor for q in annotate(quote_nlp, text)._.wsd_quotes] == [expected]


def test_pipeline_attribution_answers_to_questions_go_to_the_interviewee(quote_nlp):
    """An interview of questions opening their paragraphs: the answer's quote is the interviewee's,
    the person the text names first; one such question alone does not make an interview."""
    text = ("In gesprek met Ans Bakker over de inloop.\n\nHoe kijkt u terug op de middag? “Ik ben nog "
            "steeds beduusd.”\n\nWat is het doel? “Koffie is het begin, niet het doel.”")
    assert [q.actor for q in annotate(quote_nlp, text)._.wsd_quotes] == ["ans", "ans"]
    text = "Ans Bakker opende.\n\nHoe kijkt u terug op de middag? “Ik ben nog steeds beduusd.”"
    assert [q.actor for q in annotate(quote_nlp, text)._.wsd_quotes] == [None]


def test_pipeline_attribution_named_speaker_before_a_sentence_of_narration(quote_nlp):
    doc = annotate(quote_nlp, "Ans Bakker was blij maar ook kritisch. Het aantal klanten steeg in een jaar "
                              "met een derde. “Onze vrijwilligers zien mensen pas als het te laat is.”")
    assert [q.actor for q in doc._.wsd_quotes] == ["ans"]


def test_pipeline_attribution_a_group_before_narration_does_not_take_the_quote(quote_nlp):
    doc = annotate(quote_nlp, "De nieuwe vrijwilligers werkten in groepjes. Samenwerken is lastig. "
                              "“Iedereen werkt op een eigen eiland.”")
    assert [q.actor for q in doc._.wsd_quotes] == [None]


def test_pipeline_attribution_a_clause_before_a_colon_is_no_label(quote_nlp):
    doc = annotate(quote_nlp, "Een moeder naast Ans Bakker vulde aan: ‘wij zien mensen elke week terug’.")
    assert [q.actor for q in doc._.wsd_quotes] == ["moeder"]


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
                              "Daarna vertelde Kees van Dalen over de kosten.\n\n"
                              "“Vaker op huisbezoek bij gezinnen, dat werkt.”")
    assert [q.actor for q in doc._.wsd_quotes] == ["ans", "ans"]


def test_pipeline_attribution_pull_quote_echoes_its_body_quote(quote_nlp):
    text = ("Kees van Dalen legt uit waarom het koor meedoet. „Ik wil met het koor de buurtbewoners een "
            "stem laten horen op het plein.” Verhoef: „De huren stijgen elk jaar.”\n\n"
            "„Met het koor laten we de buurtbewoners een stem horen.”")
    doc = annotate(quote_nlp, text)
    assert doc._.wsd_quotes[-1].actor == "kees" and doc._.wsd_quotes[-1].cue.startswith("echo: ")


def test_pipeline_attribution_speech_cue_span_is_a_fallback(quote_nlp):
    text = "Daarop volgde een reactie. „Dat had ik niet verwacht.”"
    doc = annotate(quote_nlp, text, speech=[("volgde een reactie", "verhoef")])
    assert doc._.wsd_quotes[0].actor == "verhoef"


def test_pipeline_attribution_marks_speaker_and_sets_spans(quote_nlp):
    doc = annotate(quote_nlp, "Verhoef: „Dit houdt mij wakker.” Daarna sprak niemand meer.")
    assert {a.id for a in doc._.wsd_actors if a.speaks} == {"verhoef"}
    (span,) = doc.spans["wsd_quotes"]
    assert (span.text, span._.wsd_actor, span._.wsd_cue) == ("Dit houdt mij wakker.", "verhoef", "colon: Verhoef:")


def test_pipeline_attribution_pronoun_skips_a_sentence_that_opens_with_a_pronoun(analyse):
    # full pipeline: the speech cue of "Ze vertelde" says who that sentence is about
    doc = analyse("Marja de Bruin is vrijwilliger bij de buurtkamer. Ze vertelde dat de buurtkamer mensen "
                  "koppelt aan iemand om mee te koken. Het werkt goed. Ze pleitte ervoor dat scholen eerder "
                  "bellen: „Wij hebben geen dossier en geen haast.”")
    names = {a.id: a.name or a.description for a in doc._.wsd_actors}
    assert [names[q.actor] for q in doc._.wsd_quotes] == ["Marja de Bruin"]


def test_pipeline_attribution_a_person_after_a_colon_is_no_subject(analyse):
    doc = analyse("Gerrit Mulder (71) zorgt voor zijn vrouw. Hij vertelde over de eerste jaren. “Ik ben geen held.” "
                  "Pas toen zijn huisarts doorvroeg, kwam er hulp: dagbesteding en een vrijwilliger die op woensdag "
                  "langskomt. “Die woensdagmiddag is van mij.”")
    names = {a.id: a.name or a.description for a in doc._.wsd_actors}
    assert [names[q.actor] for q in doc._.wsd_quotes] == ["Gerrit Mulder", "Gerrit Mulder"]
