"""The quote finder: marks -> candidate stretches -> speech (ANNOTATION.md §3, §8.5–8.7, §9.5–9.7)."""
import pytest
import spacy

import wsd_text.pipeline  # noqa: F401  (registers wsd_quotes)
from wsd_text.pipeline.quotes import QuoteCues
from wsd_text.resources import DATA


@pytest.fixture(scope="module")
def quote_nlp():
    nlp = spacy.blank("nl")
    nlp.add_pipe("wsd_quotes")
    return nlp


def quotes_of(nlp, text):
    return [q.text for q in nlp(text)._.wsd_quotes]


@pytest.mark.parametrize("text, expected", [
    ("„Dit is een mooie dag,” zegt Kees.", ["Dit is een mooie dag,"]),
    ("“Dit is een mooie dag”, zegt Kees.", ["Dit is een mooie dag"]),
    ('"Dit is een mooie dag", zegt Kees.', ["Dit is een mooie dag"]),
    ("‘Dit is een mooie dag’, zegt Kees.", ["Dit is een mooie dag"]),
    ("'Dit is een mooie dag', zegt Kees.", ["Dit is een mooie dag"]),
    ("«Dit is een mooie dag», zegt Kees.", ["Dit is een mooie dag"]),
    (",,Dit is een mooie dag,'' zegt Kees.", ["Dit is een mooie dag,"]),
    ("„Dit is een mooie dag“, zegt Kees.", ["Dit is een mooie dag"]),  # German-style closer
    ("Kees: „We beginnen vandaag. Morgen gaan we verder. Dan zijn we klaar.”",
     ["We beginnen vandaag. Morgen gaan we verder. Dan zijn we klaar."]),
])
def test_pipeline_quotes_every_mark_style(quote_nlp, text, expected):
    assert quotes_of(quote_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a right-hand mark used as the opener
    ("De wethouder zegt: ”Wij gaan dit samen oplossen.”", ["Wij gaan dit samen oplossen."]),
    ("Het loket sluit vroeg, ”na vier uur staat iedereen voor een dichte deur”.", ["na vier uur staat iedereen voor een dichte deur"]),
    # ‘…’ closed by a straight '
    ("‘Wij luisteren altijd eerst naar de bewoners', zegt Ans.", ["Wij luisteren altijd eerst naar de bewoners"]),
    # a stray inner mark: code the outer marks, keep the stray mark (§8.5)
    ("Een vrijwilliger zei:\n\n‘Kom altijd terug als je dat hebt gezegd’, anders haken mensen snel af.'",
     ["Kom altijd terug als je dat hebt gezegd’, anders haken mensen snel af."]),
    # a closing mark without an opener ends the speech since the previous quote
    ("Ans vertelt: “Het begon klein.” Daarna kwamen er meer mensen. Nu is het een beweging.”",
     ["Het begon klein.", "Daarna kwamen er meer mensen. Nu is het een beweging."]),
    # an opener never closed: the stretch runs to the end of the paragraph or text
    ("Piet zegt: „We zijn er nog lang niet, want de wachtlijst\n\nVolgende alinea.",
     ["We zijn er nog lang niet, want de wachtlijst"]),
    ("Piet zegt: „We zijn er nog lang niet, want de wachtl", ["We zijn er nog lang niet, want de wachtl"]),
    # a quote over two paragraphs: each paragraph reopens it, only the last one closes
    ("Ans vertelt: „Eerst kwam de brief van de gemeente.\n\n„Toen belde ik de wijkteams op,” zegt ze.",
     ["Eerst kwam de brief van de gemeente.\n\n„Toen belde ik de wijkteams op,"]),
    # a missing space after the closing mark
    ("'Wij willen meer inspraak hebben in de stad.'Daarna ging de vergadering verder.",
     ["Wij willen meer inspraak hebben in de stad."]),
])
def test_pipeline_quotes_broken_and_unbalanced_marks(quote_nlp, text, expected):
    assert [" ".join(q.split()) for q in expected] == quotes_of(quote_nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Hij werkt 's avonds bij twee ROC's en zo'n dilemma’s zijn lastig.", []),
    ("‘In de jaren '80 sliepen we ’s zomers in de auto’s van de buren.’",
     ["In de jaren '80 sliepen we ’s zomers in de auto’s van de buren."]),
    ("‘We hebben het over alle hobby’s van jongeren.’ Daarna volgt de pauze.",
     ["We hebben het over alle hobby’s van jongeren."]),
    ("‘Dat waren echt dure cadeau’s.’ Het bleef stil.", ["Dat waren echt dure cadeau’s."]),
])
def test_pipeline_quotes_apostrophes_never_open_or_close(quote_nlp, text, expected):
    assert quotes_of(quote_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Het kenniscafé ‘Samen sterk in de wijk’ trok veel bezoekers.",         # title after a title noun
    "Bij de groepsopdracht 'bouw samen een toren' werkten we in tweetallen.",  # compound
    "Het Wijkonderzoek ‘Over de drempel van het buurthuis’ kwam uit.",
    "Ze oefenden met de “Vijf vragen voor een goed keukentafelgesprek” in het team.",  # determiner before
    "Er kwam kritiek op het 'alles alvast invullen voor de klant' door sommige loketten.",
    "Tijdens ‘De Week van de Armoede’ waren er veel activiteiten.",         # title case
    "Ze nemen vaak ‘rare en onhandige’ beslissingen, zegt de onderzoeker.",  # scare, sentence runs on
    "Zij kennen die regeling ‘uit de tweede hand’ en dat is jammer.",
    "Ze doen grote boodschappen 'als de bonus er is' , en dat scheelt.",     # short lower-case phrase
    "Het project heet ‘Samen aan tafel’ sinds dit jaar.",                    # term word before
    "Hij noemt dat ‘het verhaal achter de brief’ in zijn werk.",
    "Zij richtte de ‘Fiets Brigade’ op.",                                     # under three words
    "Het woord 'meedoen aan de samenleving' viel vaak.",                    # a phrase as a word (§9.7)
    "Het motto was: ‘Samen sterk voor de wijk’.",                           # title word before "was:"
])
def test_pipeline_quotes_titles_terms_and_scare_quotes_are_not_quotes(quote_nlp, text):
    assert quotes_of(quote_nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # three words is enough (§8.7), with a cue
    ("“Dit werkt niet”, aldus de wethouder.", ["Dit werkt niet"]),
    # a short aside in parentheses
    ("Hij zat een jaar thuis („om te klussen”) en zoekt nu werk.", ["om te klussen"]),
    # a lower-case fragment with a speaker's person words
    ("Een maatje helpt bij de post, “omdat ik de brieven niet altijd snap”.",
     ["omdat ik de brieven niet altijd snap"]),
    # poll answers, one per list item
    ("De antwoorden:\n\n- ‘Meer tijd voor elkaar’\n\n- ‘Elkaar beter leren kennen’",
     ["Meer tijd voor elkaar", "Elkaar beter leren kennen"]),
    # a question an actor asked (§8.8)
    ("„Wie heeft er nog een vraag?” roept de voorzitter.", ["Wie heeft er nog een vraag?"]),
    # a colon after a verb or pronoun introduces speech
    ("De voorzitter zei dit: ‘Samen staan we sterker’.", ["Samen staan we sterker"]),
    # a headline quote on a line of its own
    ("‘Luister naar de mens, niet naar het dossier!’\n\nEen verslag van de avond.",
     ["Luister naar de mens, niet naar het dossier!"]),
    # a quote inside a running sentence after a speech verb
    ("Hij zei ‘dat komt heus wel goed’ en liep de zaal uit.", ["dat komt heus wel goed"]),
    # a list of quoted answers joined by "en"
    ("Genoemd werden “Een fietsenstalling bij school”, “Langere openingstijden” en “Meer bankjes in het park”.",
     ["Een fietsenstalling bij school", "Meer bankjes in het park"]),
])
def test_pipeline_quotes_short_questions_asides_and_answers_are_quotes(quote_nlp, text, expected):
    assert quotes_of(quote_nlp, text) == expected


def test_pipeline_quotes_nested_quote_belongs_to_outer(quote_nlp):
    text = "Ze vertelt: ‘Mijn buurman zei: “je moet gewoon bellen”. Dat deed ik toen ook.’"
    assert quotes_of(quote_nlp, text) == ["Mijn buurman zei: “je moet gewoon bellen”. Dat deed ik toen ook."]


def test_pipeline_quotes_pull_quote_that_repeats_a_body_quote_is_dropped(quote_nlp):
    text = ("Ans zegt: „Samen komen we verder. Wie alleen staat, redt het niet.”\n\n"
            "„Wie alleen staat, redt het niet.”\n\n"
            "„Met ons team brengen we de buurt samen aan tafel.”")
    assert quotes_of(quote_nlp, text) == ["Samen komen we verder. Wie alleen staat, redt het niet.",
                                         "Met ons team brengen we de buurt samen aan tafel."]


def test_pipeline_quotes_interrupted_quote_is_two_quotes(quote_nlp):
    text = "„Het gaat niet goed”, zegt Ans, „want de wachtlijsten worden langer.”"
    assert quotes_of(quote_nlp, text) == ["Het gaat niet goed", "want de wachtlijsten worden langer."]


def test_pipeline_quotes_split_piece_under_three_words_is_dropped(quote_nlp):
    text = "„Nee,” zegt Ans, „dat hebben we nooit zo afgesproken.”"
    assert quotes_of(quote_nlp, text) == ["dat hebben we nooit zo afgesproken."]


@pytest.mark.parametrize("text", [
    "Verhoef: ”Dit  houdt\u00a0mij\n wakker.” En verder.",
    "😀 Emoji eerst. „Één café, één ‘woord’ en één zin.” Daarna.",
    "Ans vertelt: “Het begon klein.” Daarna kwamen er meer mensen.”",
    "‘Kom altijd terug als je dat zegt’, anders haken ze af.'",
])
def test_pipeline_quotes_offsets_are_exact_codepoints(quote_nlp, text):
    doc = quote_nlp(text)
    assert doc._.wsd_quotes
    for quote in doc._.wsd_quotes:
        inner = text[quote.start:quote.end]
        assert " ".join(inner.split()) == quote.text
        assert not inner[0].isspace() and not inner[-1].isspace()
        assert text[quote.start - 1] in "“”„‘’'\"«» " or quote.start == 0


def test_pipeline_quotes_sets_span_group(quote_nlp):
    doc = quote_nlp("Kees zegt: „Dit is een mooie dag.” Daarna.")
    (span,) = doc.spans["wsd_quotes"]
    assert span.text == "Dit is een mooie dag."
    assert span._.wsd_actor is None and span._.wsd_cue is None


def test_pipeline_quotes_without_marks_finds_nothing(quote_nlp):
    doc = quote_nlp("Er werd gesproken over armoede. Niemand werd geciteerd.")
    assert doc._.wsd_quotes == [] and list(doc.spans["wsd_quotes"]) == []


def test_pipeline_quotes_cue_file_with_unknown_key_is_refused(tmp_path):
    path = tmp_path / "quote_cues.yaml"
    path.write_text("not_quote: {title_nouns: [], term_words: [], determiners: [], extra: []}\n"
                    "speech: {persons: [], verbs: []}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="extra"):
        QuoteCues.load(path)


def test_pipeline_quotes_data_dir_replaces_cues(quote_nlp, tmp_path):
    cues = (DATA / "quote_cues.yaml").read_text(encoding="utf-8")
    (tmp_path / "quote_cues.yaml").write_text(cues.replace("title_nouns: [", "title_nouns: [kring, "),
                                              encoding="utf-8")
    nlp = spacy.blank("nl")
    nlp.add_pipe("wsd_quotes", config={"data_dir": str(tmp_path)})
    text = "Daarna volgde de praatkring ‘Geld zorgen in de wijk’. Die was vol."
    assert quotes_of(quote_nlp, text) == ["Geld zorgen in de wijk"]
    assert quotes_of(nlp, text) == []
