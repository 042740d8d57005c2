"""The actors that count and their ids (wsd_text.pipeline.actors, ANNOTATION.md §2)."""


def test_actors_keep_an_anonymous_speaker_only_a_quote_reveals(analyse):
    doc = analyse("Wethouder Anna Smit opende de avond. Een meisje uit groep acht vulde aan dat ze "
                  "liever appt: ‘Bellen met een onbekend nummer vind ik echt eng.’")
    quote = doc._.wsd_quotes[0]
    speaker = next(a for a in doc._.wsd_actors if a.id == quote.actor)
    assert (speaker.name, speaker.description, speaker.speaks) == (None, "Een meisje", True)


def test_actors_drop_silent_anonymous_candidates_and_number_by_first_mention(analyse):
    doc = analyse("Een vader luisterde. Daarna vertelde Pieter Bakker dat het druk is. "
                  "Een moeder zei: ‘We hebben geen geld voor de sportclub.’")
    assert [(a.id, a.name or a.description) for a in doc._.wsd_actors] == [("a1", "Pieter Bakker"), ("a2", "Een moeder")]
    assert [q.actor for q in doc._.wsd_quotes] == ["a2"]
    ids = {s._.wsd_actor for s in doc.spans["wsd_mentions"]} | {s._.wsd_actor for s in doc.spans["wsd_quotes"]}
    assert ids == {"a1", "a2"}


def test_actors_people_inside_a_quote_or_generic_someone_are_no_actors(analyse):
    doc = analyse("Karin Smit vertelde hoe het begon. ‘Een medewerker zei tegen mij dat het niet kon. "
                  "Vaak is dat de eerste keer dat iemand durft te vragen.’")
    assert [a.name or a.description for a in doc._.wsd_actors] == ["Karin Smit"]
    assert [q.actor for q in doc._.wsd_quotes] == ["a1"]


def test_actors_someone_after_a_speech_verb_is_a_speaker(analyse):
    doc = analyse("Het bleef even stil. Toen vroeg iemand: ‘Mag ik als vrijwilliger ook bellen met het wijkteam?’")
    assert [(a.description, a.speaks) for a in doc._.wsd_actors] == [("iemand", True)]
