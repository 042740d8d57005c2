"""Roles, organisations, role mentions and anonymous actors (ANNOTATION.md §2, §8, §9)."""
import pytest


def actor(doc, name):
    return next(a for a in doc._.wsd_actors if a.name == name)


@pytest.mark.parametrize("text, name, role, organisation", [
    ("De begeleider van Fatima El Amrani vertelde dat het goed gaat.", "Fatima El Amrani", None, None),
    ("Schepen van Welzijn Griet Peeters zei dat de toelage stijgt.", "Griet Peeters", "Schepen van Welzijn", None),
    ("Daarna vertelt lector Armoede Wouter Peeters dat het moet.", "Wouter Peeters", "lector Armoede", None),
    ("Anna Visser, beleidsmedewerker bij de gemeente Zwolle, zegt dat het werkt.", "Anna Visser",
     "beleidsmedewerker", "gemeente Zwolle"),
    ("Pieter Bakker (consulent Sociale Dienst Oost) legt uit dat het werkt.", "Pieter Bakker",
     "consulent", "Sociale Dienst Oost"),
    ("Sanne de Boer (Humanitas Noord) vertelt over haar werk dat het druk is.", "Sanne de Boer", None, "Humanitas Noord"),
    ("Het woord is aan Koen Smit van Stichting Buurtkracht.", "Koen Smit", None, "Stichting Buurtkracht"),
    ("Dagvoorzitter en onderzoeker Lotte Mulder (42) opent.", "Lotte Mulder", "Dagvoorzitter en onderzoeker", None),
    # a counted group with its members after a comma; not an item of a list of attendees
    ("De avond begon met twee leerlingen uit 5 havo, Lieke Brands en Daan Oukili.", "Daan Oukili", "leerlingen", None),
    ("De avond begon met twee leerlingen uit 5 havo, Lieke Brands en Daan Oukili.", "Lieke Brands", "leerlingen", None),
    ("Aanwezig: drie ervaringsdeskundigen, Liesbeth Doornbos (Kredietbank) en twee beleidsmedewerkers.",
     "Liesbeth Doornbos", None, "Kredietbank"),
    # an organisation named by its type in lower case, with or without its name
    ("Daarna vertelde Mark Willems van woningcorporatie Woonkracht over de huur.", "Mark Willems", None,
     "woningcorporatie Woonkracht"),
    ("Het woord was aan Ilse Kok van de voedselbank.", "Ilse Kok", None, "voedselbank"),
    # a field after the role, in lower case or capitals
    ("Student sociaal werk Laura Smits presenteerde haar onderzoek.", "Laura Smits", "Student sociaal werk", None),
    # a plural role word before "en" is no role of the name after it
    ("Er kwamen veel bewoners en Anja Kok presenteerde het plan.", "Anja Kok", None, None),
    # a relative clause after a comma is no apposition, even with a capital in it
    ("Het verhaal kwam van Gerrit Jansen, die voor zijn vrouw met MS zorgt.", "Gerrit Jansen", None, None),
    # a type word names an organisation in a lower-case bracket
    ("Henk Pruis (lid adviesraad sociaal domein) zegt dat het moet.", "Henk Pruis", None,
     "lid adviesraad sociaal domein"),
    ("Henk Pruis (gepensioneerd) zegt dat het moet.", "Henk Pruis", None, None),
    ("Piet de Vries (woont naast het buurthuis) zegt dat het moet.", "Piet de Vries", None, None),
    ("Fatima Yilmaz (bezoeker voedselbank) zegt dat het moet.", "Fatima Yilmaz", None, None),
    # another name ends a role; a plural role before two coordinated names is both people's
    ("De initiatiefnemers Mirjam Karsten van Alliantie Oost en Piet de Boer vertelden het.", "Piet de Boer", None, None),
    ("Daarna delen ervaringsdeskundigen Anna Smit en Joke Bos hun ervaringen.", "Joke Bos", "ervaringsdeskundigen", None),
    # a bracket wrapped over a line end in a list of participants
    ("Aanwezig: Gerda Wolters (voorzitter), Peter Ruiters (Sociaal Wijkteam\nVreeswoude), Fatma Yilmaz "
     "(Humanitas)\nPeter Ruiters zegt dat het moet.", "Peter Ruiters", None, "Sociaal Wijkteam Vreeswoude"),
    # "namens X" before the name
    ("Namens de cliëntenraad sprak Gerda Mol. Zij zei dat de regels te streng zijn.", "Gerda Mol", None,
     "cliëntenraad"),
])
def test_roles_from_apposition_and_context(analyse, text, name, role, organisation):
    found = actor(analyse(text), name)
    assert (found.role, found.organisation) == (role, organisation)


def test_roles_shared_by_beiden(analyse):
    doc = analyse("Jorrit Hoekstra en Maaike Kok (beiden van Stichting Thuisadministratie) geven samen de training.")
    assert actor(doc, "Jorrit Hoekstra").organisation == "Stichting Thuisadministratie"


def test_roles_role_mention_resolves(analyse):
    doc = analyse("Daarna sprak wethouder Henk Mulder. Van Dijk vroeg de wethouder wat hij vond.")
    spans = [s for s in doc.spans["wsd_mentions"] if s.label_ == "ROLE"]
    assert [(s.text, s._.wsd_actor) for s in spans] == [("de wethouder", actor(doc, "Henk Mulder").id)]


def test_roles_role_label_in_minutes_resolves(analyse):
    doc = analyse("Aanwezig: Rik Hoekman (voorzitter), mw. A. Kok (consulent)\n\n"
                  "Voorzitter: \"Wie van jullie heeft al een afspraak met de zorgverzekeraar?\"")
    assert [(q.actor, next(a.name for a in doc._.wsd_actors if a.id == q.actor)) for q in doc._.wsd_quotes] \
        == [(actor(doc, "Rik Hoekman").id, "Rik Hoekman")]


@pytest.mark.parametrize("text, label, description, kind", [
    ("Een moeder vertelde dat ze geen geld had voor de sport.", "ANON", "Een moeder", "individual"),
    ("Na afloop zei een oudere buurtbewoner dat het goed ging.", "ANON", "een oudere buurtbewoner", "individual"),
    ("Iemand zei dat de drempel te hoog is.", "ANON", "Iemand", "individual"),
    ("De deelnemers concludeerden dat samenwerking nodig is.", "GROUP", "De deelnemers", "group"),
    ("Sommigen vertellen dat ze liever niet om hulp vragen.", "GROUP", "Sommigen", "group"),
    ("De jeugdraad van Zeewolde presenteerde dat er meer speelplekken moeten komen.", "GROUP",
     "De jeugdraad van Zeewolde", "group"),
    # one unnamed person known by a role
    ("De jongerenwerker vertelde dat de jongeren een eigen plek willen.", "ANON", "De jongerenwerker",
     "individual"),
])
def test_roles_speaking_anonymous_actors(analyse, text, label, description, kind):
    doc = analyse(text)
    anon = [a for a in doc._.wsd_actors if a.name is None]
    assert [(a.description, a.kind, a.speaks) for a in anon] == [(description, kind, True)]
    assert [s.label_ for s in doc.spans["wsd_mentions"]] == [label]


def test_roles_labelled_participants_are_one_actor_each(analyse):
    """Focus-group and interview reports label people ("Deelnemer C", "respondent 4"): each label
    is one actor for all its mentions; an age or an initial is no label."""
    doc = analyse("Deelnemer C: ‘De zondag duurt drie dagen.’ ‘Ik wil geen computer,’ zei deelnemer A. "
                  "Deelnemer C vertelde ook dat ze haar buren mist. Respondent 4 zei dat het te duur is.")
    assert [(a.description, a.speaks) for a in doc._.wsd_actors] == \
        [("Deelnemer C", True), ("deelnemer A", True), ("Respondent 4", True)]
    doc = analyse("Een jongere van 16 jaar vertelde dat hij werkt. Vrijwilliger J. Jansen zei dat het druk was.")
    assert [(a.name, a.description) for a in doc._.wsd_actors] == [(None, "Een jongere"), ("J. Jansen", None)]


def test_roles_definite_role_is_one_actor_and_not_inside_a_quote(analyse):
    doc = analyse("De wijkagent vertelde dat het rustig is. De wijkagent zei ook dat hij vaker langskomt.")
    assert [(a.description, a.speaks) for a in doc._.wsd_actors] == [("De wijkagent", True)]
    doc = analyse("Een moeder vertelde: ‘De consulent zei tegen mij dat het niet kon.’")
    assert [a.description for a in doc._.wsd_actors] == ["Een moeder"]


@pytest.mark.parametrize("text", [
    "Een moeder heeft vaak weinig tijd.",
    "De deelnemers kregen koffie.",
    "De vrijwilliger is belangrijk voor de wijk.",
    # a share is no group: "één op de zeven kinderen" does not speak by "volgens haar"
    "Wethouder Anna Visser sprak. Volgens haar groeit één op de zeven kinderen op in armoede.",
])
def test_roles_silent_anonymous_actors_are_left_out(analyse, text):
    doc = analyse(text)
    assert [a for a in doc._.wsd_actors if a.name is None] == []
    assert [s for s in doc.spans["wsd_mentions"] if s.label_ != "PERSON"] == []


def test_roles_poll_group_is_kept_for_the_answers(analyse):
    doc = analyse("De deelnemers vulden de Mentimeter in. Dit waren de antwoorden:\n\n- ‘Vaker een buurtfeest organiseren’")
    polls = [s for s in doc.spans["wsd_mentions"] if s.label_ == "POLL"]
    groups = [s for s in doc.spans["wsd_mentions"] if s.label_ == "GROUP"]
    assert polls and groups and polls[0]._.wsd_actor == groups[0]._.wsd_actor
    assert doc._.wsd_actors[0].kind == "group"


def test_roles_a_name_opening_the_paragraph_under_an_organisation_heading_speaks_for_it(analyse):
    doc = analyse("Ronde langs de organisaties\n\nSeniorenvereniging De Linde\n"
                  "Gerrit Wolters meldt dat de koffieochtenden goed lopen.\n\n"
                  "Mantelzorgers aan het woord\nAnnie vertelt dat ze moe is.\n\n"
                  "De voorzitter dankt Piet Smit voor zijn inbreng.")
    assert actor(doc, "Gerrit Wolters").organisation == "Seniorenvereniging De Linde"
    assert actor(doc, "Gerrit Wolters").perspective == "informal"
    assert actor(doc, "Annie").organisation is None  # a heading without an organisation type
    assert actor(doc, "Piet Smit").organisation is None


def test_roles_a_heading_that_is_a_phrase_names_no_organisation(analyse):
    doc = analyse("Ronde langs de organisaties\n\nBrief van de gemeente\nAnnie de Wit vertelt dat de brief onduidelijk is.")
    assert actor(doc, "Annie de Wit").organisation is None
