"""Perspectives with their evidence (ANNOTATION.md §1, §8.12, §9.12–16)."""
import pytest


def first(doc):
    actor = doc._.wsd_actors[0]
    return actor.perspective, actor.evidence


@pytest.mark.parametrize("text, perspective, evidence", [
    ("Wethouder Anna Visser zegt dat het budget omhoog gaat.", "formal", "Wethouder"),
    ("Lector Jeugdzorg Anna Visser vertelt dat kinderen meer aandacht nodig hebben.", "formal", "Lector"),
    ("Docentonderzoeker Anna Visser legt uit dat het werkt.", "formal", "Docentonderzoeker"),
    ("Dagvoorzitter Anna Visser vraagt wat iedereen vond.", "formal", "Dagvoorzitter"),
    ("Vrijwilliger Anna Visser vertelt dat ze elke week helpt.", "informal", "Vrijwilliger"),
    ("Vrijwilligerscoördinator Anna Visser vertelt dat het rooster vol is.", "formal", "Vrijwilligerscoördinator"),
    ("Ervaringsdeskundige Anna Visser vertelt dat ze zich schaamde.", "lived_experience", "Ervaringsdeskundige"),
    ("Mantelzorger Anna Visser vertelt dat ze moe is.", "lived_experience", "Mantelzorger"),
    ("Anna Visser (14) vertelt dat ze meer plekken wil.", "child", "(14)"),
    # an adult age is how a report introduces a resident or client, unless a role or
    # organisation follows it
    ("Anna Visser (34) vertelt dat ze meer plekken wil.", "lived_experience", "(34)"),
    ("Anna (58, achternaam bekend bij de redactie) vertelt dat ze rondkomt van een uitkering.",
     "lived_experience", "(58"),
    ("Anna Visser (34), beleidsadviseur, vertelt dat de regeling verandert.", "formal", "beleidsadviseur"),
    ("Anna Visser (61) van de Voedselbank vertelt dat de rij langer wordt.", "informal", "Voedselbank"),
    ("Anna Visser (38) werkt bij de schuldhulp van de gemeente en zegt dat het druk is.", "unknown", None),
    # the situation of others or a place without a name is not the speaker's own
    ("Volgens Anna Visser van Stichting De Brug zijn veel kinderen de dupe van de regels.", "unknown", None),
    ("Anna Visser van Stichting Wijkkracht woont in een andere stad en zegt dat het anders moet.", "unknown", None),
    # a role with its field after "van" before the name
    ("Schepen van Welzijn Anna Visser zegt dat de toelage stijgt.", "formal", "Schepen"),
    ("Anna Visser, mama van twee tieners, vertelt dat de schoolrekening hoog is.", "lived_experience", "mama"),
    # the person's own situation: where they live, living on benefits, their own children
    ("Anna Visser woont al tien jaar in Oosterhout. Ze vertelt dat de huur steeg.", "lived_experience",
     "woont al tien jaar in Oosterhout"),
    ("Anna Visser leeft sinds vorig jaar van een uitkering en vertelt dat het krap is.", "lived_experience",
     "leeft sinds vorig jaar van een uitkering"),
    ("Anna Visser weet hoe het is. Haar dochter wacht al een jaar op hulp, vertelt ze.", "lived_experience", "Haar dochter"),
    ("Anna Visser is al jaren taalmaatje bij Stichting Samen. Ze zegt dat vertrouwen tijd kost.", "informal", "taalmaatje"),
    # a newcomer's own story
    ("Anna Visser kwam zeven jaar geleden uit Eritrea naar Nederland en vertelt dat de brieven moeilijk zijn.",
     "lived_experience", "kwam zeven jaar geleden uit Eritrea"),
    ("Statushouder Anna Visser vertelt dat de brieven moeilijk zijn.", "lived_experience", "Statushouder"),
    # what the person is "zelf", or "Hij/Zij is ..." opening the next sentence
    ("Coördinator Anna Visser, zelf ook vrijwilliger, vertelt dat de avonden drukker worden.", "informal", "vrijwilliger"),
    ("Daarna nam Anna Visser het woord. Zij is vrijwilliger bij de speeltuin. Ze vertelt dat het druk is.",
     "informal", "vrijwilliger"),
    ("Daarna nam Anna Visser het woord. Haar zoon is leerling op de basisschool. Ze vertelt dat het duur is.",
     "lived_experience", "Haar zoon"),
    ("Anna Visser stelde haar buurman voor. Hij is taalmaatje bij de bibliotheek en zegt dat het goed gaat.",
     "unknown", None),
    # caring for a family member, with words between the relative and the verb
    ("Anna Visser, die al negen jaar voor haar man met MS zorgt, vertelt dat ze moe is.", "lived_experience",
     "voor haar man met MS zorgt"),
    # a hyphen marks a short head: "Jeugd-GGZ" is a GGZ; "ambtelijk" makes a secretary formal
    ("Anna Visser van Jeugd-GGZ Noord vertelt dat de wachtlijst groeit.", "formal", "Jeugd-GGZ Noord"),
    ("Anna Visser (ambtelijk secretaris) zegt dat het verslag volgt.", "formal", "ambtelijk"),
    ("Anna Visser (lid adviesraad sociaal domein) zegt dat de raad dit al lang vraagt.", "informal",
     "lid adviesraad sociaal domein"),
    ("Anna Visser is sinds een jaar vrijwillige energiecoach bij de buurt. Ze zegt dat mensen de weg niet vinden.",
     "informal", "vrijwillige"),
    ("Coördinator Anna Visser vertelt dat het netwerk groeit.", "formal", "Coördinator"),
    ("Bibliothecaris Anna Visser vertelt dat veel mensen hulp vragen bij formulieren.", "formal", "Bibliothecaris"),
    ("Gespreksleider Anna Visser (19) vraagt wat de jongeren willen.", "formal", "Gespreksleider"),
    ("Anna Visser (Humanitas) vertelt dat maatjes helpen.", "informal", "Humanitas"),
    ("Anna Visser (Sociale Dienst Oost) vertelt dat de wachtlijst lang is.", "formal", "Sociale Dienst Oost"),
    ("Anna Visser (Cliëntenraad) vertelt dat de brieven onduidelijk zijn.", "lived_experience", "Cliëntenraad"),
    ("Anna Visser van Stichting Zonnebloemen vertelt dat het druk is.", "unknown", None),
    ("Anna Visser zei dat ze zelf armoede kent van vroeger thuis.", "lived_experience", "zelf armoede"),
    ("Anna Visser legt uit waarom ze meedoet. “Als vrijwilliger zie ik veel mensen.”", "informal", "Als vrijwilliger"),
    ("Anna Visser zegt dat het beter moet.", "unknown", None),
])
def test_perspective_rules(analyse, text, perspective, evidence):
    assert first(analyse(text)) == (perspective, evidence)


def test_perspective_chair_takes_the_organisation_type(analyse):
    doc = analyse("Voorzitter Anna Visser van het Wijkplatform Noord benadrukt dat jongeren welkom zijn.")
    assert first(doc) == ("informal", "Wijkplatform Noord")


def test_perspective_chair_of_the_meeting_is_formal(analyse):
    doc = analyse("Aanwezig: mw. A. Visser (voorzitter), dhr. B. Kok (vrijwilliger Voedselbank Zuid).\n\n"
                  "De voorzitter opent de vergadering. De vrijwilligers van de voedselbank zijn druk.\n\n"
                  "Mw. Visser benadrukt dat de voedselbank groeit.")
    assert first(doc) == ("formal", "voorzitter")


def test_perspective_chair_takes_the_body_named_just_before(analyse):
    doc = analyse("De gemeente en het wijkteam kwamen ook. Voor de leden van de participatieraad was het "
                  "nieuw. Voorzitter Harm Kroon gaf toe dat de raad te weinig met bewoners praat.")
    assert first(doc) == ("informal", "Voorzitter; participatieraad")


def test_perspective_chair_without_organisation_takes_the_dominant_type(analyse):
    doc = analyse("De voedselbank draait op vrijwilligers. Voorzitter Anna Visser benadrukt dat de "
                  "voedselbank groeit. De vrijwilligers van de voedselbank doen veel.")
    assert first(doc)[0] == "informal"


def test_perspective_coordinator_takes_the_dominant_type(analyse):
    doc = analyse("De voedselbank draait op vrijwilligers. Coördinator Anna Visser benadrukt dat de "
                  "voedselbank groeit. De vrijwilligers van de voedselbank doen veel.")
    assert first(doc)[0] == "informal"


@pytest.mark.parametrize("text, perspective, evidence", [
    ("Lisa Meijer, moeder van drie kinderen, vertelde dat ze soms niet kan rondkomen.", "lived_experience", "moeder"),
    ("Jongerenraadslid Sara Bos zei dat jongeren meer inspraak willen.", "child", "Jongerenraadslid"),
    ("Schepen Wout Peeters zegt dat het OCMW zijn deuren opent.", "formal", "Schepen"),
    ("Rik Bos is coördinator en betaalde kracht bij de vrijwilligerscentrale. Hij zegt dat het druk is.",
     "formal", "betaalde kracht"),
    # whole words: a volunteer mentioned in the sentence does not make the speaker one
    ("Wijkagent Tom Smit zegt dat de vrijwilligers veel doen.", "formal", "Wijkagent"),
    ("Mila Kok zegt dat de vrijwilligers veel doen.", "unknown", None),
    ("Mila Kok (Vereniging De Brug, waar armen het woord nemen) zegt dat niemand het haar vertelde.",
     "lived_experience", "armen het woord nemen"),
    # a role after "als" (with or without an adjective) or after a copula
    ("Mila Kok werkt als ervaringsdeskundige bij het wijkteam. Ze zegt dat het beter moet.",
     "lived_experience", "ervaringsdeskundige"),
    # a copula later in the name's sentence; "als een ..." is a comparison, not a role
    ("Mila Kok leefde jaren van een uitkering en is nu ervaringsdeskundige. Ze zegt: ‘Ik werd behandeld "
     "als een hulpverlener mij nooit zou behandelen.’", "lived_experience", "ervaringsdeskundige"),
    ("Mila Kok zegt: ‘Je wordt gezien als een nummer, niet als mens.’", "unknown", None),
    # caring for a family member is mantelzorg (§9.13), also in the next sentence after "Zij"
    ("Ook Ria Smeets sprak. Zij zorgt al tien jaar voor haar moeder. Ze zegt dat ze moe is.",
     "lived_experience", "zorgt al tien jaar voor haar moeder"),
    ("Karim Aziz, die met zijn broer voor hun vader zorgt, zegt dat hulp te laat komt.",
     "lived_experience", "voor hun vader zorgt"),
    # a resident described by where they live; school roles; a role word naming an organisation
    ("Ria Smeets, die al dertig jaar in de wijk woont, vertelt dat het vuil is.", "lived_experience",
     "die al dertig jaar in de wijk woont"),
    ("Conrector Joost Mol laat weten dat geen leerling thuis hoeft te blijven.", "formal", "Conrector"),
    ("Ria Smeets van SchuldHulpMaatje Oost zegt dat het werkt.", "informal", "SchuldHulpMaatje Oost"),
    # members of advisory councils (§9.14), a hyphenated compound role
    ("Wmo-raadslid Joop Veenstra zegt dat de stukken te laat komen.", "informal", "Wmo-raadslid"),
    ("Mila Kok zegt dat ze als ervaren maatje veel leert.", "informal", "als ervaren maatje"),
    ("Joost Mol is al negen jaar vrijwilliger bij de inloop. Hij legde uit dat het druk is.",
     "informal", "vrijwilliger"),
    ("Joost Mol is blij met de vrijwilligers van de inloop. Hij zegt dat het druk is.", "unknown", None),
    # the leftmost type word of an organisation's name decides
    ("Els Kuiper (diaconie Hervormde Gemeente Oostdorp) zegt dat er meer aanvragen zijn.",
     "informal", "diaconie Hervormde Gemeente Oostdorp"),
    # an organisation of unstated type leaves the decision to a weak role word, if there is one
    ("Coördinator Els Kuiper van Fonds Meedoen Oostdorp zegt dat er meer aanvragen zijn.", "formal", "Coördinator"),
    ("Els Kuiper van Fonds Meedoen Oostdorp zegt dat er meer aanvragen zijn.", "unknown", None),
    ("Voorzitter Els Kuiper van Stichting Samen Oostdorp zegt dat er meer aanvragen zijn.", "unknown", None),
    ("Secretaris Els Kuiper van Stichting Samen Oostdorp zegt dat er meer aanvragen zijn.", "unknown", None),
    # teams and programmes of the social domain, Dutch and Flemish
    ("Els Kuiper van Buurtteam Oostdorp-Noord zegt dat er meer aanvragen zijn.", "formal", "Buurtteam Oostdorp-Noord"),
    ("Els Kuiper, programmaleider bij het Kennisnetwerk, zegt dat het werkt.", "formal", "programmaleider"),
    # telling one's own story; living on the Flemish leefloon
    ("Yusuf Demir trapte af met zijn eigen verhaal. Hij zegt dat het lang duurde.", "lived_experience",
     "zijn eigen verhaal"),
    ("Mark Peters liet de deelnemers hun eigen verhaal vertellen. Hij zegt dat dat werkt.", "unknown", None),
    ("Yusuf Demir leefde twee jaar van het leefloon. Hij zegt dat het lang duurde.", "lived_experience",
     "leefde twee jaar van het leefloon"),
])
def test_perspective_roles_and_phrases_beyond_the_lexicon_basics(analyse, text, perspective, evidence):
    assert first(analyse(text)) == (perspective, evidence)


def test_perspective_relative_clause_about_another_name_in_a_list(analyse):
    doc = analyse("Aan tafel zaten Ria van Dongen, die de Buurtkamer al jaren als vrijwilliger draaiende houdt, "
                  "Jan Wouters en Anneke Smit. Jan Wouters zei dat hij graag komt.")
    perspectives = {a.name: a.perspective for a in doc._.wsd_actors}
    assert perspectives["Ria van Dongen"] == "informal"
    assert perspectives["Jan Wouters"] != "informal"


@pytest.mark.parametrize("text, perspective", [
    # one of a group is one of them; glad with a group is not
    ("Ahmed Yilmaz is een van de vrijwilligers die de Buurtkamer draaiende houdt. Hij zegt dat het goed gaat.",
     "informal"),
    ("Ahmed Yilmaz is blij met de vrijwilligers van de Buurtkamer. Hij zegt dat het goed gaat.", "unknown"),
    # energy and digital coaches are volunteers, unlike a budget coach
    ("Energiecoach Ans Mulderij zegt dat veel mensen de verwarming uit laten.", "informal"),
    ("Budgetcoach Ans Mulderij zegt dat veel mensen hun post niet openen.", "formal"),
    # a teacher, a pharmacist, a minister of a church
    ("Leerkracht Ans Mulderij zegt dat kinderen zonder ontbijt op school komen.", "formal"),
    ("Apotheker Ans Mulderij zegt dat mensen hun medicijnen niet meer ophalen.", "formal"),
    ("Dominee Ans Mulderij zegt dat de diaconie steeds vaker boodschappen betaalt.", "informal"),
])
def test_perspective_one_of_a_group_and_coaches(analyse, text, perspective):
    assert first(analyse(text))[0] == perspective


def test_perspective_interviewer_is_formal(analyse):
    doc = analyse("In het interview legt Anna Visser de vraag voor wat er nodig is.")
    assert first(doc) == ("formal", "interview")


@pytest.mark.parametrize("text, perspective", [
    ("Een moeder vertelde dat ze geen geld had.", "lived_experience"),
    ("Een vrijwilliger zei dat het werk zwaar is.", "informal"),
    ("De jongeren presenteerden hun ideeën voor het park.", "child"),
    ("De deelnemers concludeerden dat samenwerking nodig is.", "mixed"),
    ("Iemand zei dat de drempel te hoog is.", "unknown"),
])
def test_perspective_anonymous_actors(analyse, text, perspective):
    assert first(analyse(text))[0] == perspective


def test_perspective_attendees_take_the_attendance_unit(analyse):
    doc = analyse("Ruim 35 beleidsmedewerkers en professionals namen deel. De deelnemers concludeerden dat "
                  "samenwerking nodig is.")
    if doc._.wsd_report.metadata.attendance is None:
        pytest.skip("attendance not found by ingest")
    assert first(doc)[0] == "formal"


@pytest.mark.parametrize("title, perspective, body", [
    ("Verslag vergadering Cliëntenraad Oostwijk", "lived_experience", "Cliëntenraad"),
    ("Notulen Adviesraad Sociaal Domein Oostwijk", "informal", "Adviesraad"),
])
def test_perspective_undescribed_member_of_the_council_a_title_names(analyse, title, perspective, body):
    doc = analyse(f"{title}\n\nHenk Bos vraagt waarom de brief over de toeslag zo laat kwam.")
    assert first(doc) == (perspective, body)


def test_perspective_a_member_in_brackets_belongs_to_the_council_of_the_title(analyse):
    doc = analyse("PARTICIPATIERAAD SOCIAAL DOMEIN OOSTWIJK\n\nAanwezig: mevr. A. de Wolf (lid), dhr. P. Smit (lid)\n\n"
                  "Mevr. De Wolf zegt dat het formulier te lang is.")
    assert first(doc)[0] == "informal"


def test_perspective_a_letterhead_phrase_names_no_council(analyse):
    doc = analyse("Verslag werkgroep Armoede en Schulden\n\nOp uitnodiging van de Cliëntenraad Oostwijk\n\n"
                  "Aanwezig: Henk Bos, Piet Smit\n\nHenk Bos vraagt waarom de brief over de toeslag zo laat kwam.")
    assert first(doc)[0] != "lived_experience"


def test_perspective_undescribed_member_of_the_council_the_letterhead_names(analyse):
    doc = analyse("Verslag werkgroep Armoede en Schulden\n\nAdviesraad Sociaal Domein Oostwijk\n\n"
                  "Aanwezig: Henk Bos, Piet Smit\n\nHenk Bos vraagt waarom de brief over de toeslag zo laat kwam.")
    assert first(doc) == ("informal", "Adviesraad")


def test_perspective_data_file_word_lists_are_checked(tmp_path):
    import shutil

    from wsd_text.pipeline.lexicon import load_lexicon
    from wsd_text.resources import data_path

    shutil.copy(data_path("perspective.yaml"), tmp_path / "perspective.yaml")
    text = (tmp_path / "perspective.yaml").read_text(encoding="utf-8")
    (tmp_path / "perspective.yaml").write_text(text.replace("recounted_to:\n  - hem\n  - haar", "recounted_to: hem"),
                                               encoding="utf-8")
    with pytest.raises(ValueError, match="recounted_to.*list of words"):
        load_lexicon(str(tmp_path))
