"""Tests for wsd_text.pipeline.voices: voice status, missing flags and missing_named (§4, §8.14–8.18)."""
import pytest
import spacy

from wsd_text.ingest import report_from_text
from wsd_text.nlp import build_pipeline, make_doc
from wsd_text.pipeline.extensions import register_extensions
from wsd_text.pipeline.voices import VoiceFinder, load_voice_cues
from wsd_text.records import Actor


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("wsd_voices")
    return pipeline


def analyse(nlp, text, actors=()):
    """Run the pipeline with hand-set actors, as the actor components would leave them."""
    doc = nlp.make_doc(text)
    doc._.wsd_actors = list(actors)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def actor(perspective, speaks, start=0, kind="individual"):
    return Actor("a1", "Anna de Vries", None, None, None, perspective, kind, speaks, mentions=((start, start + 4),))


@pytest.mark.parametrize("text, perspective, status", [
    # present: attendance or taking part, in the same clause as the people
    ("Op de bijeenkomst waren twintig vrijwilligers aanwezig.", "informal", "present"),
    ("Ruim dertig beleidsmedewerkers namen deel aan de werksessie.", "formal", "present"),
    ("Ook bewoners uit de wijk deden actief mee aan de gesprekken.", "lived_experience", "present"),
    ("Aan het eind schoven nog drie scholieren aan.", "child", "present"),
    ("De werkgroep bestaat uit ambtenaren en vrijwilligers van de kerk.", "informal", "present"),
    ("De voorzitter heette alle ervaringsdeskundigen welkom.", "lived_experience", "present"),
    ("De avond werd bijgewoond door zo'n vijftig jongeren.", "child", "present"),
    ("Op de inloopavond kwam slechts één cliënt.", "lived_experience", "present"),
    # mentioned: only talked about (§8.14)
    ("De avond ging over de vraag hoe we inwoners met geldzorgen beter bereiken.", "lived_experience", "mentioned"),
    ("Vrijwilligers kwamen bijeen om te praten over de zorgen van inwoners.", "lived_experience", "mentioned"),
    ("Een film liet zien hoe kinderen opgroeien in armoede.", "child", "mentioned"),
    ("Meestal komen er ook vrijwilligers naar deze avonden.", "informal", "mentioned"),
    ("De lector sprak namens de ouders.", "lived_experience", "mentioned"),
    ("Kinderen zelf werden niet gevraagd.", "child", "mentioned"),
    ("Jongeren waren niet aanwezig.", "child", "mentioned"),
    ("Aan de avond namen dertig mensen deel: ambtenaren, twee vrijwilligers en een huisarts.", "informal", "present"),
    ("Vier vrijwillige energiecoaches waren ook aanwezig.", "informal", "present"),
    ("Drie taalmaatjes schoven aan bij de tafels.", "informal", "present"),
    ("Een moeder vertelde dat haar zoon van twaalf geen sportclub heeft.", "child", "mentioned"),
    ("Net als vorige keer waren er veel vrijwilligers aanwezig.", "informal", "present"),
    # whose people they are does not make them present; a deliberate choice to invite does not hide them
    ("Ouders van jongeren waren aanwezig.", "child", "mentioned"),
    ("Er waren bewust veel ervaringsdeskundigen aanwezig.", "lived_experience", "present"),
    # who sat in at minutes; the people at the meeting listed between dashes or brackets
    ("Toehoorders: twee Wmo-cliënten.", "lived_experience", "present"),
    # "waren er niet bij" is no attendance, whatever follows a dash
    ("De ouders waren er niet bij – jammer, want het ging over hun kinderen.", "child", "mentioned"),
    # a question asks who came; a question or topic after a colon is not who was there; a name
    # ("het Huis van het Kind") names no child even when "kinderen" follows in the sentence
    ("Waren er ook ouders bij?", "lived_experience", "mentioned"),
    ("Er waren ook ouders bij.", "lived_experience", "present"),
    ("Twintig deelnemers schoven aan om te praten over één vraag: waarom haken zoveel kinderen af?",
     "child", "mentioned"),
    ("Deelnemers van het Huis van het Kind schoven aan; later ging het over kinderen.", "child", "mentioned"),
    ("Publieke tribune: vier inwoners.", "lived_experience", "present"),
    ("Een vijftigtal deelnemers – leerkrachten, consulenten en vrijwilligers – praatten mee.", "informal", "present"),
    ("De deelnemers (vooral ouders) vulden een enquête in.", "lived_experience", "present"),
    ("Het thema – kinderen en armoede – trok veel aandacht.", "child", "mentioned"),
    # an insertion before the verb, a list after a colon or "onder wie", sitting together, a stand
    ("Ook vrijwilligers van de buurtvaders, die 's avonds door de wijk lopen, waren aanwezig.", "informal", "present"),
    ("Ook vrijwilligers van de buurtvaders, die 's avonds met jongeren praten, waren aanwezig.", "child", "mentioned"),
    ("Er waren veertien deelnemers: twee docenten, een jongerenwerker en twee vrijwilligers.", "informal", "present"),
    ("Er waren veertien vragen: over huur, over kinderen en over geld.", "child", "mentioned"),
    ("De voorzitter heet de aanwezigen welkom, onder wie een groep leerlingen van het college.", "child", "present"),
    ("Op dinsdag zaten 25 mensen samen in de cafetaria: bewoners, vrijwilligers en ambtenaren.",
     "lived_experience", "present"),
    ("In de hal stonden vrijwilligers van de Praatlijn met een informatietafel.", "informal", "present"),
    ("Vrijwilligersorganisaties ontbraken nagenoeg: alleen de kledingbank was er.", "informal", "present"),
    ("Ook vrijwilligers, die jongeren vaak als eerste zien, waren niet vertegenwoordigd.", "informal", "mentioned"),
    # people named after the verb that follows an insertion attend; a count needs a meeting
    ("Naast de wethouder, die de avond opende, waren ook ouders aanwezig.", "lived_experience", "present"),
    ("Na de pauze, rond negen uur, waren ook de jongeren aanwezig.", "child", "present"),
    ("De kinderen zaten met zijn vieren samen in één slaapkamer.", "child", "mentioned"),
    ("Vorig jaar waren er veertien jongeren met een betalingsachterstand.", "child", "mentioned"),
    ("Aanwezig waren vooral hulpverleners die dag in dag uit met jongeren werken.", "child", "mentioned"),
    # "ook maar één" is not one: none at all; years ago is not the meeting
    ("Er werd over jongeren gepraat zonder dat er ook maar één jongere aan tafel zat.", "child", "mentioned"),
    ("Samir kwam twee jaar geleden met zijn vrouw en drie kinderen naar de stad.", "child", "mentioned"),
    # absent: names of laws and organisations are not mentions of children (§8.18)
    ("Het overleg ging over de Jeugdwet en de Wmo.", "child", "absent"),
    ("Het Centrum Jeugd en Gezin en de Stichting Kinderen Eerst gaven uitleg.", "child", "absent"),
    ("Jongerenorganisaties presenteerden hun werk.", "child", "absent"),
    ("De wethouder opende de avond.", "informal", "absent"),
    # "de jeugd" is young people; a portfolio ("beleidsmedewerker jeugd") is not
    ("Het ging over de toekomst van de jeugd.", "child", "mentioned"),
    ("De beleidsmedewerker jeugd opende de avond.", "child", "absent"),
    ("Het ging over bijstandsgerechtigden en mensen met een laag inkomen.", "lived_experience", "mentioned"),
    ("Het ging over eenzame ouderen in de wijk.", "lived_experience", "mentioned"),
    ("Adviesaanvraag regeling 'Meedoen op maat' voor jongeren van 18 tot 21.", "child", "mentioned"),
    # an earlier time named in the sentence before ("Toen") is not this meeting
    ("Vorig jaar was dat anders. Toen waren er twintig bewoners aanwezig.", "lived_experience", "mentioned"),
])
def test_voices_status_from_text(nlp, text, perspective, status):
    assert analyse(nlp, text)._.wsd_voices[perspective].status == status


@pytest.mark.parametrize("text, expected", [
    # attendance in the word orders Dutch allows, with the people where the phrase points
    ("Naast de wethouder waren er ook ruim twintig vrijwilligers.", {"informal": "present"}),
    ("Er waren ook drie huisartsen bij.", {"formal": "present"}),
    ("Zo'n zestig mantelzorgers kwamen op de themamiddag af.", {"lived_experience": "present"}),
    ("Op 4 juni kwamen veertig beroepskrachten naar wijkcentrum De Boog.", {"formal": "present"}),
    ("De workshop werd goed bezocht door scholieren.", {"child": "present"}),
    ("Ook tieners bezochten de bewonersavond.", {"child": "present"}),
    ("Achter in de zaal zaten vooral buurtbewoners.", {"lived_experience": "present"}),
    ("Beleidsmakers en cliënten zaten samen aan tafel.", {"formal": "present", "lived_experience": "present"}),
    ("Het panel bestond uit twee ervaringsdeskundigen en een ambtenaar.", {"lived_experience": "present"}),
    ("Onder de aanwezigen waren ook ouders van de basisschool.", {"lived_experience": "present"}),
    ("Niet alleen ambtenaren waren aanwezig, maar ook veel inwoners.",
     {"formal": "present", "lived_experience": "present"}),
    # only talked about: a target group, a topic, someone's subject, the future, practice in general
    ("De doelgroep bestaat uit scholieren van twaalf tot achttien jaar.", {"child": "mentioned"}),
    ("Een van de sprekers vertelde over tieners die geen sportclub kunnen betalen.", {"child": "mentioned"}),
    ("Ook mantelzorgers zijn van harte welkom bij de volgende bijeenkomst.", {"lived_experience": "mentioned"}),
    ("Er zullen ook vrijwilligers aanwezig zijn.", {"informal": "mentioned"}),
    ("Meestal nemen er ook cliënten deel aan het overleg.", {"lived_experience": "mentioned"}),
    ("Er waren veel vragen over kinderen.", {"child": "mentioned"}),
    ("Uit de gesprekken kwam naar voren dat ouders zich schamen.", {"lived_experience": "mentioned"}),
    ("Vrijwilligers bezochten gezinnen thuis.", {"lived_experience": "mentioned"}),
])
def test_voices_status_attendance_general(nlp, text, expected):
    voices = analyse(nlp, text)._.wsd_voices
    assert {p: voices[p].status for p in expected} == expected


def test_voices_name_is_not_an_actor_of_its_words(nlp):
    """An actor whose child perspective rests on a word inside a name is no child (§8.18)."""
    text = "De Stichting Tieners Vooruit gaf een toelichting."
    named = Actor("a1", "Vooruit", None, "Tieners", None, "child", "individual", True,
                  evidence="Tieners", mentions=((26, 33),))
    assert analyse(nlp, text, [named])._.wsd_voices["child"].status == "absent"
    child = Actor("a1", "Noor Bakker", None, "scholier", None, "child", "individual", True,
                  evidence="scholier", mentions=((0, 11),))
    assert analyse(nlp, "Noor Bakker, scholier, vertelde dat ze wil meepraten.", [child])._.wsd_voices["child"].status == "voiced"


@pytest.mark.parametrize("perspective, speaks, kind, expected", [
    ("child", True, "individual", {"child": "voiced"}),
    ("formal", False, "individual", {"formal": "present"}),
    ("mixed", True, "group", {"formal": "present", "informal": "present"}),
    ("unknown", True, "individual", {"formal": "present"}),
])
def test_voices_status_from_actors(nlp, perspective, speaks, kind, expected):
    text = "Anna sprak met de zaal. Er waren ambtenaren en vrijwilligers aanwezig."
    voices = analyse(nlp, text, [actor(perspective, speaks, kind=kind)])._.wsd_voices
    assert {p: voices[p].status for p in expected} == expected


def test_voices_status_evidence_is_the_deciding_sentence(nlp):
    text = "Het ging over kinderen. Op de avond waren veel vrijwilligers aanwezig."
    voices = analyse(nlp, text)._.wsd_voices
    assert voices["informal"].status_evidence == "Op de avond waren veel vrijwilligers aanwezig."
    assert voices["child"].status_evidence == "Het ging over kinderen."
    assert voices["formal"].status_evidence is None


@pytest.mark.parametrize("text, perspective, flagged", [
    ("Van de vrijwilligers kwam slechts één opdagen.", "informal", True),
    ("Er waren maar twee ervaringsdeskundigen bij.", "lived_experience", True),
    ("Het aantal aanwezige ervaringsdeskundigen bleek erg klein.", "lived_experience", True),
    ("Jongeren ontbraken helaas op deze avond.", "child", True),
    ("Ervaringsdeskundigen werden node gemist in het gesprek.", "lived_experience", True),
    ("Beroepskrachten waren niet aanwezig.", "formal", True),
    ("Jammer genoeg waren er weinig ouders aanwezig.", "lived_experience", True),
    ("Vanwege een lage opkomst onder scholieren werd de quiz afgelast.", "child", True),
    ("Die middag is over de klanten gepraat, maar niet met de klanten zelf.", "lived_experience", True),
    ("Op het podium stond hij als enige spreker met ervaringskennis.", "lived_experience", True),
    ("Vrijwilligers horen bij zo'n overleg gewoon aan tafel.", "informal", True),
    ("We willen een vervolg graag samen met jongeren organiseren.", "child", True),
    ("Een volgende keer willen we ook cliënten uitnodigen.", "lived_experience", True),
    ("Scholieren werden deze middag gemist.", "child", True),
    ("Er waren deze keer geen tieners bij.", "child", True),
    ("Er zaten alleen ambtenaren aan tafel; cliënten waren er niet bij.", "lived_experience", True),
    ("Mantelzorgers ontbraken helaas.", "lived_experience", True),
    ("Volgende keer willen we ook ouders uitnodigen.", "lived_experience", True),
    ("Er kwamen slechts twee inwoners.", "lived_experience", True),
    ("Er was maar één vrijwilliger.", "informal", True),
    ("Er zat vanavond niemand van de bewoners aan tafel.", "lived_experience", True),
    ("De inwoners waren duidelijk in de minderheid.", "lived_experience", True),
    ("We hadden graag ook scholieren aan tafel gehad.", "child", True),
    # the subject before a relative clause; the verb before the subject
    ("Ouders die zelf krap zitten waren er niet bij, en juist zij vragen toeslagen aan.", "lived_experience", True),
    ("Opvallend afwezig waren de vrijwilligersorganisaties uit de buurt.", "informal", True),
    # a pronoun for the one perspective the sentence before names
    ("Ook de vrijwilligers van het buurthuis waren uitgenodigd. Helaas waren ze er niet.", "informal", True),
    ("De vrijwilligers van de zelforganisaties van nieuwkomers oefenen al jaren met nieuwkomers. Helaas waren zij "
     "er niet bij.", "informal", True),
    ("De vrijwilligers van de zelforganisaties van nieuwkomers oefenen al jaren met nieuwkomers. Helaas waren zij "
     "er niet bij.", "lived_experience", False),
    ("Bij het vorige kenniscafé zaten er nog geen nieuwkomers aan tafel.", "lived_experience", False),
    ("Wij nodigden de bewoners van de flat uit. Niemand van hen heeft kunnen komen.", "lived_experience", True),
    ("Vrijwilligers en ouders hadden zich aangemeld. Helaas waren ze er niet.", "informal", False),
    ("Vrijwilligers en ouders hadden zich aangemeld. Helaas waren ze er niet.", "lived_experience", False),
    ("Ouders kregen een uitnodiging. Zij mist de woningcorporatie aan tafel.", "lived_experience", False),
    ("De vrijwilligers van de voedselbank zien het vaak als eersten, maar hun blik ontbrak vanavond.", "informal", True),
    ("Ouders kregen een uitnodiging. Ook de huisartsen zijn gevraagd; zij waren er niet.", "lived_experience", False),
    # the longer term decides: young carers are children
    ("Jonge mantelzorgers ontbraken helaas.", "child", True),
    ("Jonge mantelzorgers ontbraken helaas.", "lived_experience", False),
    # an invitation to the reader is no voice the meeting missed
    ("Bent u vrijwilliger en wilt u de volgende keer aanschuiven?", "informal", False),
    # a relative clause right after the people says who they are
    ("Er waren maar weinig mensen die zelf in armoede leven.", "lived_experience", True),
    # a missing-phrase does not reach over a comma; an earlier meeting is not this one
    ("Iedereen spreekt vanuit eigen ervaring, niemand hoeft iets te bewijzen, en wat aan tafel gezegd wordt, "
     "blijft daar.", "lived_experience", False),
    ("Bij de vorige bijeenkomst ontbraken de jongeren nog.", "child", False),
    # who is missing may follow: a colon, a relative clause, the only one of them
    ("Het informele veld was ondervertegenwoordigd.", "informal", True),
    ("Eén stem ontbrak wel: die van de scholieren zelf.", "child", True),
    ("Er zat niemand aan tafel die zelf van een minimuminkomen rond moet komen.", "lived_experience", True),
    ("Opvallend afwezig waren de vrijwilligers, die veel gezinnen met schulden kennen.", "lived_experience", False),
    ("Opvallend afwezig waren de vrijwilligers, die veel gezinnen met schulden kennen.", "informal", True),
    ("Petra was de enige ervaringsdeskundige in de zaal.", "lived_experience", True),
    ("De voorzitter zegt dat mevrouw Smit de enige ouder was die vanavond heeft ingesproken.", "lived_experience", True),
    ("Ouders zijn de enige die er altijd zijn, zegt ze.", "lived_experience", False),
    ("Waarom zijn de vrijwilligers van de buurtkamer niet uitgenodigd?", "informal", True),
    # a relative "die" is no pronoun; resources are not people; "de enige" only in the room
    ("Ook werd gesproken over bewoners die niet komen opdagen bij afspraken.", "lived_experience", False),
    ("Ook kinderen die geen geld hebben moeten kunnen meedoen aan sport.", "child", False),
    ("Ouders vroegen om een vaste contactpersoon, maar die was er niet.", "lived_experience", False),
    ("Er waren te weinig middelen voor kinderen in het gezin.", "child", False),
    ("Marja is de enige vrijwilliger die al tien jaar meedraait.", "informal", False),
    ("Daarom werden niet alleen ouders maar ook jongeren uitgenodigd.", "child", False),
    ("De volgende bijeenkomst voor ouders vindt plaats in het buurthuis, waar de gemeente uitleg zal geven.",
     "lived_experience", False),
    ("Alleenstaande ouders hebben vaak niet kunnen komen vanwege de opvang.", "lived_experience", False),
    # a generic "je" is no invitation; "en ook", "maar ook" share the verb
    ("Als je armoede echt wilt begrijpen, moet je volgende keer ervaringsdeskundigen uitnodigen.",
     "lived_experience", True),
    ("Helaas ontbraken de jongeren, en ook de ouders.", "lived_experience", True),
    ("Er ontbraken ervaringsdeskundigen, maar ook vrijwilligers.", "informal", True),
    # idioms of few and none; an insertion describing the missing is not who is missing
    ("Vrijwilligersorganisaties waren er maar met een handvol mensen.", "informal", True),
    ("Ouders uit de wijk waren met uitzondering van één moeder niet van de partij.", "lived_experience", True),
    ("Bewoners zelf waren dun gezaaid.", "lived_experience", True),
    ("De ervaringsdeskundigen in de zaal waren op één hand te tellen.", "lived_experience", True),
    ("De voorzitter zegt dat mevrouw Smit de enige ervaringsdeskundige was die vanavond heeft ingesproken.",
     "lived_experience", True),
    ("Ook de wijkagenten, voor veel jongeren het eerste aanspreekpunt, ontbraken.", "child", False),
    ("De wijkagenten, voor veel jongeren het eerste aanspreekpunt, waren niet van de partij.", "child", False),
    ("Ook buurtclubs, die vaak als eerste merken dat een jongere thuis wegloopt, waren vanavond niet vertegenwoordigd.",
     "child", False),
    ("Ook vrijwilligers, die vaak als eerste merken dat een jongere thuis wegloopt, waren vanavond niet vertegenwoordigd.",
     "informal", True),
    ("Ook werkgevers, bij wie veel ouders met een bijstandsuitkering solliciteren, waren niet vertegenwoordigd.",
     "lived_experience", False),
    ("Naast vrijwilligers, die er volop waren, ontbraken de ouders.", "lived_experience", True),
    ("Naast vrijwilligers, die er volop waren, ontbraken de ouders.", "informal", False),
    # idioms of staying away, scarcity and empty chairs; a way to cancel, or a topic, is none
    ('Ouders schitterden door afwezigheid.', "lived_experience", True),
    ('De vrijwilligersorganisaties lieten verstek gaan.', "informal", True),
    ('Jongeren hebben verstek laten gaan.', "child", True),
    ('De ervaringsdeskundigen hadden zich op het laatste moment afgemeld.', "lived_experience", True),
    ('Van de scholieren was niemand te bekennen.', "child", True),
    ('Er was geen enkele vrijwilliger te bekennen.', "informal", True),
    ('Bewoners kwamen niet opdagen.', "lived_experience", True),
    ('Er kwam geen enkele ouder opdagen.', "lived_experience", True),
    ('Jongeren kwamen die avond nauwelijks aan bod.', "child", True),
    ('De bewoners kwamen er nauwelijks aan te pas.', "lived_experience", True),
    ('De zaal telde nauwelijks ouders.', "lived_experience", True),
    ('Vrijwilligers waren dun vertegenwoordigd.', "informal", True),
    ('Ervaringsdeskundigen waren schaars.', "lived_experience", True),
    ('De stoel voor de jongerenraad bleef leeg.', "child", True),
    ('Het ontbreken van jongeren viel iedereen op.', "child", True),
    ('De afwezigheid van ouders werd betreurd.', "lived_experience", True),
    ('Het was een avond over jongeren zonder jongeren.', "child", True),
    ('Er waren nauwelijks bewoners.', "lived_experience", True),
    ('Er waren bijna geen vrijwilligers.', "informal", True),
    ('Er kwamen maar een handjevol ouders.', "lived_experience", True),
    ('Ervaringsdeskundigen waren op de vingers van één hand te tellen.', "lived_experience", True),
    ('De woningcorporatie schitterde door afwezigheid.', "formal", False),
    ('Jongeren kunnen zonder afspraak langskomen.', "child", False),
    ('We spraken over schulden zonder oordeel, en over bewoners.', "lived_experience", False),
    ('Ouders kunnen zich afmelden via de website.', "lived_experience", False),
    ('Het ontbreken van geld is voor gezinnen het grootste probleem.', "lived_experience", False),
    ('Kinderen kwamen in de presentatie ruim aan bod.', "child", False),
    ('In veel gemeenten laten jongeren verstek gaan bij inspraak.', "child", False),
    ('Het thema eenzaamheid kwam nauwelijks aan bod.', "lived_experience", False),
    ("Jongeren die thuis zorgen voor een ouder waren er niet bij.", "lived_experience", False),
    # nobody came, it did not work to involve them, they were not heard ("die avond" opens no clause)
    ('Wat opviel: er zat geen enkele jongere in de zaal.', "child", True),
    ('Het lukte niet om jongeren bij de avond te betrekken.', "child", True),
    ('We zijn er niet in geslaagd om bewoners uit de flat erbij te krijgen.', "lived_experience", True),
    ('Ook de stem van kinderen zelf werd niet gehoord.', "child", True),
    ('Van de ouders was er maar één.', "lived_experience", True),
    ('Ouders waren die avond zo goed als afwezig.', "lived_experience", True),
    ('Ondanks de uitnodiging kwam er geen enkele vrijwilliger.', "informal", True),
    ('Er kwam niemand van de kerken.', "informal", True),
    ('De opkomst onder jongeren viel tegen.', "child", True),
    ('Veel ouders voelen zich niet gehoord door de gemeente.', "lived_experience", False),
    ('Het lukte niet om de zaal op tijd klaar te zetten voor de ouders.', "lived_experience", False),
    ('Er kwam geen einde aan de vragen van ouders.', "lived_experience", False),
    ('De gemeente is er niet in geslaagd om jongeren te bereiken met de campagne.', "child", False),
    # fixed forms of the idioms; services, home life and statistics are not the meeting; an object after the verb
    ('Jongeren kwamen vaak niet opdagen bij afspraken met de consulent.', "child", False),
    ('Veel ouders hadden zich afgemeld bij de voedselbank.', "lived_experience", False),
    ('Het is voor ouders moeilijk te bekennen dat ze schulden hebben.', "lived_experience", False),
    ('Sommige bewoners worden bij verstek veroordeeld.', "lived_experience", False),
    ('De afwezigheid van ouders thuis maakt kinderen kwetsbaar.', "lived_experience", False),
    ('Het ging over huishoudens met en zonder kinderen.', "child", False),
    ('We spraken over jongeren die opgroeien zonder ouders.', "lived_experience", False),
    ('Sinds de bezuiniging kwamen er geen jongeren meer in het buurthuis.', "child", False),
    ('Hun zoon werd op school niet gehoord.', "child", False),
    ('In deze doelgroep zitten geen kinderen.', "child", False),
    ('Door zijn afwezigheid op school liep de leerling achterstand op.', "child", False),
    ('Er was nauwelijks aandacht voor jongeren.', "child", False),
    ('Het onderwerp schulden bij jongeren kwam nauwelijks aan bod.', "child", False),
    ('Maar vier van de tien ouders weten dat de regeling bestaat.', "lived_experience", False),
    ('De kinderen zaten met zijn vieren samen in één slaapkamer.', "child", False),
    ('Het lukt nog niet om jongeren bij het overleg te betrekken.', "child", True),
    ('In de werkgroep zit nog geen ervaringsdeskundige.', "lived_experience", True),
    ('Er zitten nog altijd geen ouders in de stuurgroep.', "lived_experience", True),
    ('De stoel voor de jongerenraad bleef ook deze keer leeg.', "child", True),
    ('Bewoners van de flat hebben we niet kunnen spreken.', "lived_experience", True),
    ('Ouders lieten verstek gaan.', "lived_experience", True),
    ('Van de vrijwilligers was niemand te bekennen.', "informal", True),
    ('De afwezigheid van ouders viel op.', "lived_experience", True),
    ('Het was een avond over jongeren zonder jongeren.', "child", True),
    ('Ook de ervaringsdeskundigen, die de vorige keer wel kwamen, ontbraken bij het gesprek met de jongeren.', "lived_experience", True),
    ('Ook de ervaringsdeskundigen, die de vorige keer wel kwamen, ontbraken bij het gesprek met de jongeren.', "child", False),
    ('Bij de tweede bijeenkomst, in maart, waren de ouders niet vertegenwoordigd.', "lived_experience", True),
    ('Ouders hadden zich voor deze avond afgemeld.', "lived_experience", True),
    # "in de zaal" with a negation, not across a relative clause
    ('Opvallend was dat er geen enkele jongere in de zaal zat.', "child", True),
    ('Ouders zaten niet in de zaal.', "lived_experience", True),
    ('Niet in de zaal, maar thuis zaten de kinderen te wachten.', "child", False),
    ('Petra zei dat de meldingen niet over de jongeren gaan die deze avond in de zaal zaten.', "child", False),
    # not in our midst, nobody at the table while advising on them, nobody signed up, thinly staffed
    ('Een jonge mantelzorger zelf hadden we die avond niet in ons midden.', "child", True),
    ('De raad adviseert over deze regeling zonder dat er iemand aan tafel zit die zelf van een minimuminkomen rond moet komen.', "lived_experience", True),
    ('De raad praat vanavond over mantelzorgers zonder dat er één mantelzorger aan tafel zit.', "lived_experience", True),
    ('Van de thuisadministraties en maatjesprojecten, die in de praktijk vaak als eersten binnenkomen, had zich niemand aangemeld.', "informal", True),
    ('Met Fatima als enige inwoner was de kant van de huishoudens zelf aan tafel wel erg dun bezet.', "lived_experience", True),
    ('Maar er zat niemand in de zaal die als ouder zelf met geldzorgen te maken heeft.', "lived_experience", True),
    ('Het ging vooral over ouders, terwijl er geen enkele ouder bij het gesprek was.', "lived_experience", True),
    ('Twee uur lang ging het over kinderen, maar geen enkel kind kon zelf zeggen wat hen helpt.', "child", True),
    ('Voor de cursus had zich niemand aangemeld, zei de buurtcoach over de vrijwilligers van vorig jaar.', "informal", False),
    ('Ouders die geen geld hebben, kunnen zich aanmelden bij de voedselbank.', "lived_experience", False),
    ('De wijkteams zijn dun bezet, zegt de wethouder over de ouders in de wijk.', "lived_experience", False),
    # a negation or scarcity word and a word of being there, in either order; not a topic or a need
    ('Aan tafel zat geen enkele jongere.', "child", True),
    ('Op de bijeenkomst was niemand van de kerken.', "informal", True),
    ('Er zaten nauwelijks ouders aan tafel.', "lived_experience", True),
    ('Maar een paar vrijwilligers deden mee.', "informal", True),
    ('Geen enkele ervaringsdeskundige heeft deelgenomen.', "lived_experience", True),
    ('Jongeren zelf waren niet present.', "child", True),
    ('Ouders kwamen op deze avond niet aan het woord.', "lived_experience", True),
    ('Er was niemand op de bijeenkomst die zelf in armoede leeft.', "lived_experience", True),
    ('Het ging bij de bijeenkomst niet over geld voor kinderen.', "child", False),
    ('Ouders hoeven niet aan tafel te zitten om gehoord te worden.', "lived_experience", False),
    ('Jongeren zitten niet graag aan tafel met ambtenaren.', "child", False),
    ('Er was geen geld voor kinderen.', "child", False),
    ('Niet iedereen kwam aan het woord, maar de vrijwilligers wel.', "informal", False),
    ("Bij de eerste avond, vorig jaar, kwamen ouders nauwelijks aan het woord.", "lived_experience", False),
    # an empty side, a long subject before "aan tafel", a split "nam deel", one among many ("Eén" too)
    ('Aan de professionele kant van de zorg bleef het deze avond angstvallig leeg.', "formal", True),
    ('Eén stoel bleef leeg, figuurlijk dan: niemand van het vrijwilligerswerk of van de buurtverenigingen zat mee aan tafel.', "informal", True),
    ('Er was deze middag niemand aanwezig die zelf rond moet komen van een laag inkomen.', "lived_experience", True),
    ('Belangrijker nog: aan dit gesprek nam geen enkele ouder deel.', "lived_experience", True),
    ('Eén ervaringsdeskundige tussen vier professionals, dat vond ik te mager.', "lived_experience", True),
    ('Een vrijwilliger tussen twee afspraken door belde de wijkagent.', "informal", False),
    ('De kant van de ouders bleef in de presentatie onderbelicht.', "lived_experience", False),
    # who wishes is not missing; a relative clause's modal; "rond de tafel"; a delegation sent; earlier meetings
    ('Van het beleid en de hulpverlening zat er zaterdag niemand mee aan tafel.', "formal", True),
    ('De jongerenraad wil voor het vervolg samen met de school een aantal ouders uitnodigen.', "child", False),
    ('De jongerenraad wil voor het vervolg samen met de school een aantal ouders uitnodigen.', "lived_experience", True),
    ('De mensen die zelf niet digitaal mee kunnen, waren niet in het webinar te zien.', "lived_experience", True),
    ('De informele kant was vanmiddag dun bezet: geen enkele vrijwilligersorganisatie had een afvaardiging gestuurd.', "informal", True),
    ('Toch zat er niemand rond de tafel die zelf kinderen grootbrengt met een leefloon.', "lived_experience", True),
    ('Toch zat er niemand rond de tafel die zelf kinderen grootbrengt met een leefloon.', "child", False),
    ('In het vorige overleg waren er geen jongeren aanwezig.', "child", False),
    ('Wat ik die avond echt miste, waren de mensen die er beroepsmatig over gaan.', "formal", True),
    ('Vrijwilligers waren er genoeg, maar er was niemand van de gemeente.', "informal", False),
    ('Ouders waren er volop, maar niet iedereen kwam aan het woord.', "lived_experience", False),
    # nobody of them got the floor; talked about without them at the table
    ("Het ging over jongeren, maar geen enkele leerling kwam zelf aan het woord.", "child", True),
    ("De ouders kwamen deze keer niet aan het woord.", "lived_experience", True),
    ("Er is vooral gesproken over huurders met een hoge rekening, zonder dat één van hen aan tafel zat.",
     "lived_experience", True),
    ("Behalve de gespreksleider was er niemand van de professionele kant aanwezig.", "formal", True),
    ("Uit vrijwilligersorganisaties namen maar vier mensen deel.", "informal", True),
    ("Opa's zien hun kleinkinderen nog maar een paar keer per jaar.", "child", False),
    ("Zij was de enige oudere huurder die aan het gesprek deelnam.", "lived_experience", True),
    ("De vrijwilligers waren met drie mensen maar beperkt vertegenwoordigd.", "informal", True),
    ("In dit netwerk zitten geen ouders die zelf rond moeten komen van een uitkering.", "lived_experience", True),
    ("Er zaten geen jongeren aan de stuurgroeptafel.", "child", True),
    ("Bewoners van de flat hebben we deze keer niet gesproken.", "lived_experience", True),
    ("We hebben met de vrijwilligers niet gesproken over geld.", "informal", False),
    ("In de klas zitten geen kinderen met een laptop.", "child", False),
    # each main clause its own flag and its own time
    ("Vrijwilligers waren er genoeg, maar ouders ontbraken.", "lived_experience", True),
    ("Vrijwilligers waren er genoeg, maar ouders ontbraken.", "informal", False),
    ("Ouders waren er niet, en dat gebeurt vaak.", "lived_experience", True),
    # too thin, nobody of, none at all, could not come, a place next time, who it is about
    ("Op veertig deelnemers was de inbreng van bewoners eigenlijk te dun.", "lived_experience", True),
    ("De stem van wie armoede aan den lijve ondervindt, bleef beperkt.", "lived_experience", True),
    ("Jammer genoeg was er niemand van de kerken.", "informal", True),
    ("Er waren geen jongeren.", "child", True),
    ("Helaas hebben de scholieren niet kunnen komen.", "child", True),
    ("Ouders konden die avond niet komen.", "lived_experience", True),
    ("Voor de volgende bijeenkomst willen we jongeren zelf een plek in het programma geven.", "child", True),
    ("Wat ontbrak, was de stem van de mensen om wie het gaat.", "lived_experience", True),
    ("Wat ontbrak was de inbreng van ouders: er zaten alleen professionals aan tafel.", "lived_experience", True),
    ("Wat ontbrak was de inbreng van ouders: er zaten alleen professionals aan tafel.", "formal", False),
    ("De zaal was te klein voor alle ouders.", "lived_experience", False),
    ("Er waren geen vragen over jongeren.", "child", False),
    ("Veel ouders kunnen overdag niet komen.", "lived_experience", False),
    ("Jongeren zullen niet kunnen deelnemen.", "child", False),
    ("Op de vorige bijeenkomst kregen jongeren een plek in het programma.", "child", False),
    # practice in general, a call to consult, or plenty of them: no flag (§8.15)
    ("Ervaringsdeskundigen ontbreken vaak in beleid.", "lived_experience", False),
    ("In veel gemeenten worden scholieren gemist bij de inspraak.", "child", False),
    ("In de praktijk waren cliënten vaak niet aanwezig bij zulke gesprekken.", "lived_experience", False),
    ("Niet alleen beroepskrachten waren aanwezig, maar ook inwoners.", "lived_experience", False),
    ("Maar een vrijwilliger vertelde dat het goed ging.", "informal", False),
    # a missing part of the formal side is named, not a flag of the perspective (§8.15)
    ("De wethouder was niet aanwezig.", "formal", False),
    ("Volgende keer willen we ook huisartsen aan tafel.", "formal", False),
    ("Laat ook kinderen zelf vertellen wat ze zouden willen.", "child", False),
    ("Er waren veel vrijwilligers aanwezig.", "informal", False),
    ("De fiscale kennis was laag vertegenwoordigd.", "formal", False),
    ("Ook een beleidsmedewerker van de gemeente ontbrak.", "formal", False),
    # a concessive clause about other people is not what was missing
    ("De huisartsen waren niet vertegenwoordigd, hoewel zij dagelijks mensen in armoede zien.",
     "lived_experience", False),
    # "Wat ontbrak / wat we misten": who follows is missing
    ("Wat we misten: de mensen die zelf hulp krijgen van onze vrijwilligers.", "lived_experience", True),
    ("Wat de avond verder miste, was iemand die nu zelf in de schulden zit.", "lived_experience", True),
    ("Wat we misten: de mensen die zelf hulp krijgen van onze vrijwilligers.", "informal", False),
    ("Wat ontbrak was tijd om na afloop door te praten.", "lived_experience", False),
    ("Wat we misten, is de stem van de kinderen zelf: we hoorden hoe de ouders het beleven, maar niet hoe "
     "hun zoons en dochters dat doen.", "child", True),
    ("Wat we misten, is de stem van de kinderen zelf: we hoorden hoe de ouders het beleven, maar niet hoe "
     "hun zoons en dochters dat doen.", "lived_experience", False),
    # a relative clause that only describes people is no flag
    ("We spraken over kinderen die niet mee kunnen doen aan de sportclub.", "child", False),
    # a proportion is no headcount of this meeting
    ("Slechts een op de vijf gezinnen vroeg de toeslag aan.", "lived_experience", False),
    ("Maar twee procent van de ouders wist ervan.", "lived_experience", False),
    # a relative clause opened by a preposition ("om wie", "met wie") passes to its subject
    ("De ouders met wie we spraken, waren er niet bij.", "lived_experience", True),
    ("Wat opviel: de jongeren om wie het ging, zaten er zelf niet bij.", "child", True),
    ("De jongeren om wie het ging, kwamen na afloop nog even binnen.", "child", False),
    # a relative insertion with commas of its own describes the subject before it
    ("Jonge mantelzorgers, die naast school voor een opa, broertje of zus zorgen, waren er niet bij.", "child", True),
    ("Jonge mantelzorgers, die naast school voor een opa, broertje of zus zorgen, waren er niet bij.",
     "lived_experience", False),
    # the verb before its subject, "nergens", a table with a determiner
    ("We hadden ze gevraagd, maar die avond bleef de stoel van de ervaringsdeskundigen leeg.",
     "lived_experience", True),
    ("Bij de vorige bijeenkomst bleef de stoel van de jongeren leeg.", "child", False),
    ("Een scholier of student hebben we die avond nergens aan tafel gezien.", "child", True),
    ("Nergens in de stad zijn zoveel vrijwilligers actief als hier.", "informal", False),
    ("Er werd lang over kinderen gepraat, maar geen enkel kind had zelf een stoel aan onze tafel.", "child", True),
    ("Er werd lang over jonge mantelzorgers gepraat zonder dat er ook maar één jongere bij het gesprek zat.",
     "child", True),
    ("De avond verliep zonder dat er problemen waren met de vrijwilligers in de zaal.", "informal", False),
    # a pronoun as who is missing stands for the people named before
    ("De vrijwilligers van de inloop waren wel uitgenodigd, maar er kwam niemand van hen.", "informal", True),
    ("De ouders waren er allemaal. Er kwam niemand van hen te laat.", "lived_experience", False),
    # a dash before "maar" ends a main clause as a comma does: the habit in the aside is not the meeting's
    ("Het ging over jongeren – twintigers voelen zich vaak eenzaam – maar er zat geen scholier in de zaal.",
     "child", True),
    # a follow-up meeting is the next one; "vervolgens" is no meeting
    ("Afgesproken wordt dat bij de vervolgbespreking in het najaar ook jonge mantelzorgers zelf worden "
     "uitgenodigd om aan te schuiven, samen met de school.", "child", True),
    ("Vervolgens werden de ouders uitgenodigd om aan te schuiven bij de tafels.", "lived_experience", False),
    # no part in the programme is not being heard there; no time in it is no person
    ("Ook de vrijwillige taalcoaches, die het meeste werk verzetten, hadden geen plek in het programma.",
     "informal", True),
    ("Er was geen tijd in het programma voor vragen van ouders.", "lived_experience", False),
    # several parts of the formal side all missing, and nobody formal there: the side itself (§8.15)
    ("Van de gemeente, het wijkteam of de huisartsenpraktijk was niemand komen opdagen.", "formal", True),
    ("De wethouder en de burgemeester waren er niet bij.", "formal", True),
    ("Er waren twaalf beroepskrachten aanwezig. De burgemeester en de raadsleden waren er niet bij.",
     "formal", False),
    ("Een beleidsmedewerker van de gemeente was er niet bij.", "formal", False),
    # who first, then "was er niemand", at the start of a sentence or a clause
    ("Van de professionals was er niemand.", "formal", True),
    ("Er waren genoeg bewoners, maar van de vrijwilligers kwam er niemand.", "informal", True),
    ("Wat opviel: uit de kerken en moskeeën was er ondanks de uitnodiging niemand.", "informal", True),
    ("Van de ouders was er geen enkele vertegenwoordiger.", "lived_experience", True),
    ("De vraag van de vrijwilligers was er geen om te negeren.", "informal", False),
    ("Van de ouders was er geen geld voor een uitje.", "lived_experience", False),
    # a list of nobodies without a verb, with the invitation that says they were expected
    ("Niemand van het wijkteam, geen wijkverpleegkundige, terwijl ze wel waren uitgenodigd.", "formal", True),
    ("Niemand van de ouders zei iets, terwijl ze wel waren uitgenodigd om te spreken.", "lived_experience", False),
    # the subordinate word order: "(omdat) zij er niet bij waren"; "zonder dat" in the circle
    ("De mantelzorgers hebben we te laat gevraagd, waardoor zij er niet bij waren.", "lived_experience", True),
    ("We spraken over jonge mantelzorgers zonder dat er één jonge mantelzorger in de kring zat.", "child", True),
    ("De avond ging door zonder dat er een vrijwilliger bij was.", "informal", True),
    ("Mag ik als vrijwilliger iets doorgeven zonder dat de bewoner erbij is?", "informal", False),
    # left out by choice is no missing voice; being aware of a gap still is
    ("Ouders waren bewust niet uitgenodigd: de jongeren moesten vrijuit kunnen praten.", "lived_experience", False),
    ("Ambtenaren waren met opzet niet gevraagd, zodat bewoners vrijuit konden spreken.", "formal", False),
    ("Ouders waren er niet bij, en de organisatie was zich daar bewust van.", "lived_experience", True),
    # a pronoun after a preposition is who was talked with, not who was missing
    ("Een wijkagent zei: \u201cWe hebben de hele avond over mensen gepraat, niet met ze.\u201d", "formal", False),
    ("Er werd een avond over jongeren gepraat. Toch zat er niemand van hen aan tafel.", "child", True),
    # relative clauses in a row and then a list say who; what describes that list does not
    ("Eén groep ontbrak die in de cijfers wel voorkomt: kinderen die thuis voor een ouder zorgen.", "child", True),
    ("Eén groep ontbrak die in de cijfers wel voorkomt: kinderen die thuis voor een ouder zorgen.",
     "lived_experience", False),
    # a relative clause passed on the way to its subject describes them and is not who was missing
    ("De buurtvrijwilligers die naast gezinnen met schulden staan, waren niet vertegenwoordigd.", "informal", True),
    ("De buurtvrijwilligers die naast gezinnen met schulden staan, waren niet vertegenwoordigd.",
     "lived_experience", False),
    ("Ouders die krap zitten waren er niet bij.", "lived_experience", True),
    # the others in the room are not who was missing
    ("De vrijwilligers waren met amper twee mensen mager vertegenwoordigd tussen de vele beroepskrachten.",
     "formal", False),
    ("De vrijwilligers waren met amper twee mensen mager vertegenwoordigd tussen de vele beroepskrachten.",
     "informal", True),
    ("Tussen de professionals zat er geen enkele vrijwilliger aan tafel.", "formal", False),
    ("Professionals waren niet aanwezig tussen de middag.", "formal", True),
    # a circle is a table too; a Flemish volunteer organisation; one's own experience
    ("Maar in onze kring zat niemand die uit eigen ondervinding kon vertellen hoe dat voelt.",
     "lived_experience", True),
    ("De vrijwilligerswerking was er deze keer niet bij.", "informal", True),
    ("Ook de vrijwillige taal- en digicoaches hadden geen plek in het programma.", "informal", True),
    ("Naast ouders ontbraken ook jongeren.", "lived_experience", True),
    ("Met één ervaringsdeskundige tussen ruim vijftig professionals was de stem van bewoners te dun vertegenwoordigd.",
     "formal", False),
    ("Het vrijwilligersweefsel was met één vrijwilligster wel erg dun vertegenwoordigd.", "informal", True),
    # whose people they are is not who was missing
    ("Ouders van jongeren met psychische klachten hebben we deze keer niet gesproken.", "child", False),
    ("Ouders van jongeren met psychische klachten hebben we deze keer niet gesproken.", "lived_experience", True),
    # a sentence of nobodies alone
    ("Kijk om je heen. Geen ambtenaar, geen schuldhulpverlener, niemand van de sociale dienst.", "formal", True),
    ("Er kwam geen geld, geen steun en geen begrip van de professionals.", "formal", False),
    # the panel named before is not who "iemand die ..." stands for; "niemand die" says what nobody did
    ("Het panel bestond uit een onderzoeker en een vrijwilliger; iemand die zelf de weg kwijtraakt, zat er niet bij.",
     "formal", False),
    ("Na de presentatie was er niemand die zelf een vraag durfde te stellen.", "lived_experience", False),
    # a pronoun's antecedent is not what is named after "via"
    ("We hadden de bewoners uitgenodigd. We vroegen ze via de voedselbank en de cliëntenraad, maar niemand van hen "
     "heeft kunnen komen.", "lived_experience", True),
    # a sentence opening with a pronoun goes on about the people of the sentence before
    ("De taalmaatjes helpen veel mensen. Zij zijn de eersten bij wie nieuwkomers aankloppen, maar deze keer "
     "zaten ze er niet bij.", "informal", True),
    ("De taalmaatjes helpen veel mensen. Zij zijn de eersten bij wie nieuwkomers aankloppen, maar deze keer "
     "zaten ze er niet bij.", "lived_experience", False),
    # looking back on whom one should have invited
    ("Achteraf gezien hadden we ook taalmaatjes en vrijwilligers van het steunpunt moeten uitnodigen.", "informal", True),
    ("Achteraf gezien hadden we de zaal eerder moeten boeken voor de vrijwilligers.", "informal", False),
    # not to be heard or seen; not the idiom
    ("Het beleid draait om kinderen, maar zij waren maandag zelf niet te horen.", "child", True),
    ("Er waren geen jongeren te zien.", "child", True),
    ("Wonen en geld zijn voor deze gezinnen niet los van elkaar te zien.", "lived_experience", False),
    # who first, then "niemand": not across a coordinator, not "niemand die ...", not whose representative
    ("Van de jongeren waren er veel, maar van de ouders was er niemand.", "child", False),
    ("Van de jongeren waren er veel, maar van de ouders was er niemand.", "lived_experience", True),
    ("Van de professionals was er niemand die een pasklaar antwoord had.", "formal", False),
    ("Van de ouders was er geen enkele vertegenwoordiger van de gemeente op bezoek geweest.", "lived_experience", False),
    ("Helaas was er van de vrijwilligers niemand.", "informal", True),
    ("Van de ouders kwam niemand.", "lived_experience", True),
    ("Aan de eerste tafel zaten geen ouders.", "lived_experience", True),
    # a list of nobodies names people, not things or what people do
    ("Geen wachtlijst, geen ingewikkelde formulieren, geen oordeel over ouders.", "lived_experience", False),
    ("Geen dure folders, geen loket, geen hulpverleners die het overnemen.", "formal", False),
    # not to be seen in general, or no criticism to be heard
    ("De armoede van deze ouders is van buitenaf niet te zien.", "lived_experience", False),
    ("Van de jongeren was geen kritiek te horen.", "child", False),
    # looking back is the organisers' own
    ("Veel ouders hadden veel eerder hulp kunnen vragen.", "lived_experience", False),
    ("We hadden de vrijwilligers kunnen vragen om te helpen met de koffie.", "informal", False),
    # a deliberate invitation, or being unaware, is no choice to leave out
    ("Hoewel we ouders heel bewust hadden uitgenodigd, waren ze er niet bij.", "lived_experience", True),
    ("De organisatie was zich er niet bewust van dat ouders niet aanwezig waren.", "lived_experience", True),
    ("Tussen de vele beroepskrachten en vrijwilligers waren er geen ouders aanwezig.", "informal", False),
    # a term that begins before the group it ends in ("geen enkele ouder" in "zat geen enkele ouder")
    ("Tussen de vele beroepskrachten en vrijwilligers zat geen enkele ouder.", "lived_experience", True),
    ("Tussen de vele beroepskrachten en vrijwilligers zat geen enkele ouder.", "informal", False),
    # a choice named as a noun, and a clause that follows from a choice ("dan ook", "daarom"),
    # in the same sentence or the one before; a consequence of something else still flags
    ("Het was een bewuste keuze om geen ouders uit te nodigen; ze waren er dan ook niet bij.",
     "lived_experience", False),
    ("We hebben bewust geen ouders uitgenodigd. Ze waren er dan ook niet bij.", "lived_experience", False),
    ("De uitnodiging ging te laat de deur uit. Ouders waren er daarom niet bij.", "lived_experience", True),
    ("Het was een bewuste keuze om de avond kort te houden, maar ouders waren er dan ook niet bij.",
     "lived_experience", True),
    # only a few who thought or knew something were there all the same
    ("Alleen een paar jongeren vonden dat ouders dat moeten leren, niet de school.", "child", False),
    ("Slechts een paar ouders wisten van de regeling.", "lived_experience", False),
    ("Maar een paar bewoners hadden zich aangemeld.", "lived_experience", True),
    # who was not there after who was, without a verb of its own
    ("Er zaten vier professionals aan tafel en geen enkele bewoner of vrijwilliger.", "informal", True),
    ("Er zaten vier professionals aan tafel en geen enkele bewoner of vrijwilliger.", "lived_experience", True),
    ("Er zaten vier professionals aan tafel en geen enkele bewoner of vrijwilliger.", "formal", False),
    ("Er waren veel ambtenaren aanwezig, maar geen ouders.", "lived_experience", True),
    ("De vrijwilligers zaten aan tafel en geen enkele keer ging het over geld.", "informal", False),
    # the absence regretted in the present tense
    ("Het ontbreken van de vrijwilligers bij dit agendapunt wordt door meerdere leden betreurd.", "informal", True),
    # this meeting's time outweighs a future word elsewhere in the clause
    ("Omdat de stem van ouders vandaag aan tafel ontbrak, spreekt de raad af hen de volgende keer uit te "
     "nodigen.", "lived_experience", True),
    ("Jongeren kunnen vanavond niet aanwezig zijn.", "child", True),
    ("In veel gemeenten ontbreken jongeren aan tafel.", "child", False),
    # idioms of not turning up, the subordinate "dat er geen X waren", the verb before "de afwezigheid"
    ("Jongeren lieten zich niet zien.", "child", True),
    ("De vrijwilligers lieten het die avond afweten.", "informal", True),
    ("Het was jammer dat er geen jongeren waren.", "child", True),
    ("Het was jammer dat er geen tijd was voor vragen van ouders.", "lived_experience", False),
    ("Opvallend was de afwezigheid van jongeren.", "child", True),
    # "niet aan bod" is mostly said of topics ("De kosten voor ouders kwamen niet aan bod")
    ("De kosten voor ouders kwamen niet aan bod.", "lived_experience", False),
    ("Het thema kinderarmoede kwam niet aan bod.", "child", False),
    ("Bij een volgende bijeenkomst moeten jongeren zelf aan het woord komen.", "child", True),
    ("De ouders lieten zien hoe ze rondkomen.", "lived_experience", False),
    # a question from the room, one kind only, what should have been, who of the participants
    ("Uit de zaal kwam de vraag waar de ouders eigenlijk waren.", "lived_experience", True),
    ("Waar waren de jongeren?", "child", True),
    ("Ze vertelde waar de ouders terecht konden.", "lived_experience", False),
    ("De tafel was eenzijdig samengesteld: alleen professionals, geen bewoners.", "lived_experience", True),
    ("Het ging alleen over geld, geen woord over kinderen.", "child", False),
    ("Het gesprek werd gevoerd over bewoners, niet met bewoners.", "lived_experience", True),
    ("Eigenlijk hadden de ouders zelf hier moeten zitten.", "lived_experience", True),
    ("Het had de avond sterker gemaakt als ook vrijwilligers hadden meegepraat.", "informal", True),
    ("Als er ook ouders hadden meegedaan aan de cursus, kregen ze een certificaat.", "lived_experience", False),
    ("Onder de deelnemers was geen enkele ervaringsdeskundige.", "lived_experience", True),
    ("Onder de deelnemers waren geen vragen over ouders.", "lived_experience", False),
    ("De organisatie betreurt dat er geen ervaringsdeskundigen konden aansluiten.", "lived_experience", True),
    # more ways of staying away: "jammer genoeg", the split "daagden ... op", "bleven afwezig", "onderbelicht"
    ("Mensen in armoede zelf waren er jammer genoeg niet.", "lived_experience", True),
    ("Er daagden geen ouders op.", "lived_experience", True),
    ("Jongeren bleven opvallend afwezig.", "child", True),
    ("Jongeren bleven lang napraten.", "child", False),
    ("Het perspectief van kinderen bleef onderbelicht.", "child", True),
    ("Het thema schulden bleef onderbelicht, zeiden de ouders.", "lived_experience", False),
    # a question in the present tense; practice at many meetings; whose view is told
    ("We hebben de hele middag over leerlingen gepraat, maar waar zijn ze eigenlijk?", "child", True),
    ("Waar zijn de jongeren als het om beleid gaat?", "child", False),
    ("Ze zei dat bij veel overleggen nog altijd geen ervaringsdeskundige aan tafel zit.", "lived_experience", False),
    ("Bij veel deelnemers viel op dat er geen jongeren waren.", "child", True),
    ("Wat volgens veel jongeren ontbrak, waren hun ouders.", "child", False),
    ("Wat volgens veel jongeren ontbrak, waren hun ouders.", "lived_experience", True),
    ("Volgens de organisatoren ontbraken ouders.", "lived_experience", True),
    ("Een deelnemer vroeg waarom er niemand van de ouders in het panel zat.", "lived_experience", True),
    # someone who struggles with it themselves is lived experience
    ("Een deelnemer vroeg waarom er niemand in het panel zat die zelf dagelijks vastloopt op formulieren.",
     "lived_experience", True),
    # too few in the verb-first order; wishes: who wishes is not who is wished for, unless the
    # subject follows the verb
    ("Met twee ervaringsdeskundigen op zestig aanwezigen was hun stem klein.", "lived_experience", True),
    ("Een volgende keer hopen we meer bewoners te verwelkomen.", "lived_experience", True),
    ("Een wens voor de volgende editie: jongeren zelf laten meepraten.", "child", True),
    ("Graag hadden we ook ouders aan tafel gehad.", "lived_experience", True),
    ("Meer ervaringsdeskundigen aan tafel zou het gesprek goed hebben gedaan.", "lived_experience", True),
    ("De vrijwilligers hadden graag meer tijd gehad.", "informal", False),
    ("Mantelzorgers zelf hadden we graag aan tafel gehad.", "lived_experience", True),
    ("Ouders willen we de volgende keer uitnodigen.", "lived_experience", True),
    ("De jongerenraad wil de volgende keer ouders uitnodigen.", "child", False),
    ("Meer vrijwilligers zijn altijd welkom bij de voedselbank.", "informal", False),
    # a dash ends a clause as a comma does; "er zelf bij zijn" in a wish; nobodies joined by "en"
    ("Ouders waren er deze middag niet bij – misschien logisch, maar wel een gemis.", "lived_experience", True),
    ("Wat ik volgende keer anders wil: de tieners uit de flat moeten er zelf bij zijn.", "child", True),
    ("Er zaten alleen professionals; geen enkele ouder en ook niemand van de sportclubs, waar vrijwilligers "
     "het werk doen.", "informal", True),
    ("Geen ouder en geen leerling.", "child", True),
    ("Geen wachtlijst en geen formulieren.", "lived_experience", False),
    # "vooral A, niet B zelf"; who was among those logged in, with an aside between commas
    ("Rond de tafel zaten vooral mensen die over huurders praten, niet huurders zelf.", "lived_experience", True),
    ("De jongeren spraken over geld, niet over school zelf.", "child", False),
    ("Onder de ingelogde deelnemers waren, voor zover we konden nagaan, geen vrijwilligers of ouders.",
     "informal", True),
    # from a review of the session's rules: who wished for something else; "volgens mij"; a
    # description of a project; a general "wordt"; the main-clause "konden er geen X aansluiten"
    ("De jongeren hadden eigenlijk aan tafel moeten zitten.", "child", True),
    ("De vrijwilligers had ik graag aan tafel gezien.", "informal", True),
    ("Volgens mij ontbraken ouders.", "lived_experience", True),
    ("In de pilot werken alleen beroepskrachten, geen vrijwilligers.", "informal", False),
    ("De afwezigheid van ouders wordt op veel scholen als desinteresse gezien.", "lived_experience", False),
    ("Helaas konden er geen ervaringsdeskundigen aansluiten.", "lived_experience", True),
    # "niemand van de aanwezige ouders": those present, no absence
    ("Niemand van de aanwezige ouders had ooit van de regeling gehoord.", "lived_experience", False),
    ("Niemand van de ouders was aanwezig.", "lived_experience", True),
    # "nooit" is mostly habit or a record ("Nog nooit waren er zoveel ouders"), not this meeting
    ("Nog nooit waren er zoveel ouders aanwezig als vanavond.", "lived_experience", False),
    ("Ouders zijn nooit aanwezig bij dit soort bijeenkomsten, zei de wethouder.", "lived_experience", False),
    ("Bij de meeste overleggen zit nooit iemand aan tafel die zelf van een uitkering rondkomt.",
     "lived_experience", False),
    ("Ouders waren nooit eerder zo talrijk aanwezig.", "lived_experience", False),
    # someone's staff named by their organisation are one part of a side; staff of several are the side
    ("Wat de jongeren misten, was iemand om vragen aan te stellen: een werkgever of een medewerker van de "
     "jongerenschuldhulp.", "formal", False),
    ("Er waren geen medewerkers aanwezig.", "formal", True),
    ("Medewerkers van de gemeente, het wijkteam en de bibliotheek ontbraken.", "formal", True),
    # a season of an earlier year dates another meeting; a word before the room is still the room
    ("Bij de eerste bijeenkomst vorig voorjaar zat er nog geen enkele jongere aan tafel.", "child", False),
    ("Vorige zomer waren er geen jongeren, vanavond ook niet.", "child", True),
    ("Mensen die zelf moeite hebben met de digitale overheid zaten die middag niet in de digitale zaal.",
     "lived_experience", True),
    # people in a film or on a photo were not in the room
    ("In de film waren geen jongeren te zien.", "child", False),
    ("In de documentaire kwamen geen ouders aan het woord.", "lived_experience", False),
    ("In de zaal waren geen jongeren te zien.", "child", True),
    # "zonder dat" with people the story already knows is no group at the meeting; with "zelf" it is
    ("In het keukentafelgesprek, zonder dat de kinderen erbij waren, vertelde de moeder over haar schulden.",
     "child", False),
    ("We spraken een uur over jongeren zonder dat de jongeren zelf erbij waren.", "child", True),
    ("De avond ging door zonder dat er een vrijwilliger bij was.", "informal", True),
    # a determiner is no pronoun; people in a relative clause only describe someone
    ("Deze ouders waren uitgenodigd, maar ze waren er niet bij.", "lived_experience", True),
    ("Wijkcoach Anna de Vries vertelde over haar werk. Zij had de ouders die zij begeleidt uitgenodigd, "
     "maar ze waren er niet bij.", "lived_experience", True),
    ("Er was niemand aanwezig die de vrijwilligersvergoeding kon uitleggen.", "informal", False),
    # a relative clause closed by a comma before "ontbraken"; "konden er niet bij zijn"; "geen X zat"
    ("Huurders die zelf met een hoge energierekening zitten, ontbraken.", "lived_experience", True),
    ("De vrijwilligers die de inloop elke week draaien, konden er deze keer niet bij zijn.", "informal", True),
    ("Een deelnemer merkte op dat er in het panel geen ervaringsdeskundige zat.", "lived_experience", True),
    ("Hij zei dat er geen ouders zaten te wachten op nog een folder.", "lived_experience", False),
    # turnout, signing up, taking part in the subordinate order, the idioms of staying away
    ("Evaluatie: de opkomst van inwoners was teleurstellend.", "lived_experience", True),
    ("Het jongerenpanel ging niet door omdat geen enkele scholier zich had ingeschreven.", "child", True),
    ("Niet één jongere had zich voor de bijeenkomst aangemeld.", "child", True),
    ("Dat er geen enkele leerling aan het panel deelnam, werd als een gemiste kans gezien.", "child", True),
    ("Jammer dat er geen scholieren meededen.", "child", True),
    ("Geen enkele vrijwilligersorganisatie had gehoor gegeven aan de uitnodiging.", "informal", True),
    ("Eigenlijk waren ervaringsdeskundigen de grote afwezigen.", "lived_experience", True),
    ("Jammer genoeg had geen enkele bewoner de weg naar de bijeenkomst gevonden.", "lived_experience", True),
    ("Veel bewoners weten de weg naar de hulp niet te vinden.", "lived_experience", False),
    ("Slechts een handjevol bewoners vond de weg naar het buurthuis.", "lived_experience", True),
    ("Geen jongere te zien, terwijl het hele programma over hen ging.", "child", True),
    ("Helaas konden de leden van de jongerenraad er door hun examens niet bij zijn.", "child", True),
    # too few: a count, "op ... na", "vooral X, amper Y", a voice that sounded too little
    ("Het viel op dat er weinig ouders waren.", "lived_experience", True),
    ("Er waren weinig ouders.", "lived_experience", True),
    ("Het viel op dat er weinig ouders waren die de regeling kenden.", "lived_experience", False),
    ("Er waren weinig jongeren met schulden in het onderzoek.", "child", False),
    ("Op twee mantelzorgers na bestond het gezelschap uit professionals.", "lived_experience", True),
    ("Op twee jongeren na had iedereen een telefoon.", "child", False),
    ("De zaal telde vooral hulpverleners en beleidsmakers, en amper inwoners.", "lived_experience", True),
    ("Het vrijwilligersveld was met één persoon vertegenwoordigd.", "informal", True),
    ("Mensen met een uitkering waren ondervertegenwoordigd.", "lived_experience", True),
    ("De organisatie erkent dat de stem van de bewoners te weinig klonk.", "lived_experience", True),
    ("De stem van de jongeren klonk luid en duidelijk.", "child", False),
    # missed by the meeting or the organisers; who was missing after "wie ontbrak"
    ("Het gesprek miste de inbreng van vrijwilligers.", "informal", True),
    ("\"We hebben de vrijwilligers vandaag echt gemist,\" zei de voorzitter.", "informal", True),
    ("Wie ontbrak, waren de mensen die het zelf meemaken.", "lived_experience", True),
    ("Het bleef bij praten over jongeren in plaats van met jongeren.", "child", True),
    # lacking something is not missing from the meeting
    ("De vrijwilligers ontbrak het aan een goede training.", "informal", False),
    ("Het ontbrak de ouders aan informatie over de regeling.", "lived_experience", False),
    # "Toen" after a sentence about an earlier time is that time
    ("Vorig jaar was dat anders. Toen ontbraken de jongeren nog.", "child", False),
    ("De wethouder opende de avond. Toen bleek dat er geen jongeren waren.", "child", True),
    # not reached for this meeting, a verbless regret, input that did not come up, an invitation not taken up
    ("Het is ons niet gelukt om bewoners te bereiken voor deze avond.", "lived_experience", True),
    ("Het lukt vaak niet om ouders te bereiken met folders.", "lived_experience", False),
    ("Helaas geen jongeren vanavond.", "child", True),
    ("Helaas geen oplossing voor ouders met schulden.", "lived_experience", False),
    ("De inbreng van kinderen kwam deze middag niet aan bod.", "child", True),
    ("Het thema jongeren en schulden kwam niet aan bod.", "child", False),
    ("Geen enkele jongere was ingegaan op de uitnodiging.", "child", True),
    ("Van de scholieren die zich hadden aangemeld, kwam er uiteindelijk geen één.", "child", True),
    ("Er stond een lege stoel voor de ervaringsdeskundige, die ziek was.", "lived_experience", True),
    ("De jeugdraad was niet uitgenodigd, iets wat de voorzitter achteraf betreurde.", "child", True),
    ("Een jongerenstem ontbrak.", "child", True),
    # what they would have added
    ("De aanwezigheid van een paar inwoners had het gesprek rijker gemaakt.", "lived_experience", True),
    ("Een vrijwilliger van de voedselbank had het verhaal compleet gemaakt.", "informal", True),
    # hardly anyone; nobody showed their face; exactly one; said in the room: "zitten hier niet"
    ("Behalve Petra schoof er deze middag vrijwel niemand aan die zelf met schulden heeft geworsteld.",
     "lived_experience", True),
    ("Vrijwel niemand van de ouders kende de regeling.", "lived_experience", False),
    ("Vrijwel niemand die aanwezig was, kende de regeling voor ouders.", "lived_experience", False),
    ("We hadden ze uitgenodigd, maar van de professionals heeft niemand zijn gezicht laten zien.", "formal", True),
    ("Van de 31 namen op de presentielijst was er precies één van iemand die zelf rondkomt van een minimuminkomen.",
     "lived_experience", True),
    ("Precies één jaar geleden begonnen de ouders met het project.", "lived_experience", False),
    ("Kijk eens om je heen: de huurders zitten hier zelf niet.", "lived_experience", True),
    ("Ouders zitten hier niet op te wachten.", "lived_experience", False),
    # the present tense is practice; a negation does not reach past "terwijl"; money is no people
    ("Daar werd gesignaleerd dat jongeren in het armoedebeleid nauwelijks aan het woord komen.", "child", False),
    ("Een moeder zei dat ze liever niet gezien wordt terwijl ze bij het OCMW aan tafel zit, zeker niet door andere "
     "ouders.", "lived_experience", False),
    ("Bij een alleenstaande ouder bleef er maandelijks slechts enkele tientjes meer over.", "lived_experience", False),
    # people in the situation by their debt scheme; the others "tegenover" whom a group was few
    ("Van de zesendertig aanwezigen hadden er, voor zover bekend, maar twee zelf ooit een schuldregeling "
     "doorlopen.", "lived_experience", True),
    ("Tegenover elf professionele partijen stonden maar twee vrijwilligersorganisaties.", "informal", True),
    ("Tegenover elf professionele partijen stonden maar twee vrijwilligersorganisaties.", "formal", False),
    # what the writer did (not) see; a meagre delegation of a group
    ("Wat ik jammer vond: de inwoners om wie het draait, heb ik die middag nauwelijks gezien.", "lived_experience",
     True),
    ("Ouders heb ik vanavond niet gezien.", "lived_experience", True),
    ("Dat heb ik niet gezien bij de ouders in de wijk.", "lived_experience", False),
    ("Er was een magere vertegenwoordiging van bewoners.", "lived_experience", True),
    ("De kleine inbreng van de gemeente in het budget viel de vrijwilligers op.", "informal", False),
    # a part named missing (the VDAB) is who was missing: the list after the colon does not say who
    ("Iemand van de VDAB werd die avond node gemist: de dienst had een medewerker toegezegd, maar die moest "
     "afhaken.", "formal", False),
    # "niet één", "geen van allen" stand for people named before; "die mensen zelf" are those in the situation
    ("Jonge mantelzorgers – kinderen en tieners die thuis zorgen – kwamen die avond maar zijdelings ter sprake, en "
     "zelf was er niet één in de zaal.", "child", True),
    ("Niet één keer werd de wethouder genoemd, maar de ouders waren er wel.", "lived_experience", False),
    ("Professionals spraken over mensen die vastlopen. Die mensen zelf waren er deze middag niet bij.",
     "lived_experience", True),
    # "met z'n tweeën" in the room is few; "zonder dat er één ... heeft meegepraat"; "waar ze waren" is no question
    ("De vrijwilligers moesten vanmiddag met z'n tweeën de hele vrijwillige inzet in de zaal vertegenwoordigen.",
     "informal", True),
    ("Met z'n tweeën gingen de jongeren naar de bank.", "child", False),
    # a relative clause passed on the way to a modal verb describes the subject
    ("De vrijwilligers die wekelijks bij eenzame ouderen op de koffie gaan, moesten vanmiddag met z'n tweeën de "
     "hele vrijwillige inzet in de zaal vertegenwoordigen.", "lived_experience", False),
    ("Afgesproken wordt dat de secretaris twee jongeren uitnodigt, zodat de raad niet opnieuw over een "
     "jongerenregeling adviseert zonder dat er één jongere heeft meegepraat.", "child", True),
    ("Noor vertelde namens de kinderraad: \"Als iedereen na de vakantie vertelt waar ze waren, zeg je gewoon dat je "
     "bij je oma was.\"", "child", False),
    # "die" before a noun is a determiner, no pronoun; a show of opinions is no turnout
    ("Jongeren vertelden over hun schulden. Die instanties waren niet uitgenodigd.", "child", False),
    ("We nodigden de ouders uit. Die waren er niet.", "lived_experience", True),
    ("Slechts twee jongeren gingen bij 'eens' staan.", "child", False),
    # choices: not expected, "en dat was een bewuste keuze" after the clause, plainly not invited;
    # not invited with a question or a regret is a missing voice; a fraction is no count of people
    ("Dit was een avond voor mensen die met schulden werken, dus je verwacht daar geen kinderen aan tafel.", "child",
     False),
    ("Ouders waren er zaterdag niet bij, en dat was een bewuste keuze, legt Hilde Maes uit.", "lived_experience",
     False),
    ("Statushouders zelf waren voor deze netwerkavond, die bedoeld is voor organisaties, niet uitgenodigd.",
     "lived_experience", False),
    ("Koos vraagt waarom de vrijwilligers niet bij dit agendapunt zijn uitgenodigd.", "informal", True),
    ("De jeugdraad was niet uitgenodigd, iets wat de voorzitter achteraf betreurde.", "child", True),
    ("Slechts een derde van de huishoudens die we benaderen, gaat op ons aanbod in.", "lived_experience", False),
    # sentences a helper wrote blind to these rules, handled since
    ('Jammer genoeg zat er aan tafel niemand die zelf schulden heeft gehad.', 'lived_experience', True),
    ('In het armoedebeleid van de gemeente wordt de stem van kinderen nog te weinig gehoord.', 'child', False),
    ('Volgende keer willen we nadrukkelijk ook mensen met ervaring in armoede uitnodigen.', 'lived_experience', True),
    ('Een wijkagent vroeg: waar zijn eigenlijk de mensen om wie het gaat?', 'lived_experience', True),
    ('Een bewoonster vond het teleurstellend dat er geen enkele hulpverlener was komen luisteren.', 'formal', True),
    ('"Ik mis hier de vrijwilligers," zei een wijkverpleegkundige tijdens de eerste ronde.', 'informal', True),
    ('Vanuit de instanties had niemand tijd gevonden om langs te komen.', 'formal', True),
    ('Het aandeel vrijwilligers was met drie van de veertig deelnemers wel erg klein.', 'informal', True),
    ('"Eigenlijk hadden hier ook ouders moeten zitten," aldus de dagvoorzitter.', 'lived_experience', True),
    ('Waarom zitten hier geen jongeren?', 'child', True),
    ('Helaas waren er geen bewoners uit de wijk zelf, alleen mensen die er werken.', 'lived_experience', True),
    ('Een raadslid merkte op dat niemand sprak vanuit eigen ervaring.', 'lived_experience', True),
    ('Bij een volgende ronde horen er ook leerlingen in de focusgroep te zitten.', 'child', True),
    ('Er was niemand van de vrijwillige hulporganisaties, wat een gemiste kans was.', 'informal', True),
    ('Cliënten waren niet uitgenodigd en dat werd achteraf als een omissie gezien.', 'lived_experience', True),
    ('We hadden graag jongeren aan het woord gelaten.', 'child', True),
    ('Opvallend weinig vrijwilligers vanavond, merkte de gespreksleider op.', 'informal', True),
    ('Ook deze avond zaten er vooral mensen over armoede te praten, en nauwelijks mensen die het zelf meemaken.', 'lived_experience', True),
    ('Een deelnemer schreef dat ze de stem van mantelzorgers op de bijeenkomst had gemist.', 'lived_experience', True),
    ('Het panel bestond uitsluitend uit deskundigen; een ervaringsverhaal ontbrak.', 'lived_experience', True),
    ('De dialoogtafel werd gehouden zonder één jongere erbij.', 'child', True),
    ('De avond had meer kleur gekregen als ook het vrijwilligersveld vertegenwoordigd was geweest.', 'informal', True),
    ('Met één ervaringsdeskundige tussen vijftien beleidsmensen was de verhouding scheef.', 'lived_experience', True),
    ('Noch ouders, noch hun kinderen hadden de weg naar de informatieavond gevonden.', 'child', True),
    ('Een vrijwilliger tussen twee afspraken door belde de wijkagent.', 'informal', False),
    # a second set a helper wrote blind (minutes, Flemish, reflections), handled since; fathers are one part
    ('Spijtig genoeg was er van de vrijwilligers geen kat op het overleg.', 'informal', True),
    ('"We praten hier weer óver mensen in armoede, maar niet mét hen," zei een deelnemer.', 'lived_experience', True),
    ('Het informele aanbod was vandaag niet vertegenwoordigd.', 'informal', True),
    ('Les voor een volgende keer: als het over kinderarmoede gaat, moeten kinderen zelf ook in de zaal zitten.', 'child', True),
    ('Volgens de voorzitter miste de bijeenkomst vooral de stem van vrijwilligers.', 'informal', True),
    ('Het panel bestond uitsluitend uit experts; een ervaringsdeskundige had niet misstaan.', 'lived_experience', True),
    ('De schepen gaf toe dat er beter ook enkele jongeren aan het gesprek hadden deelgenomen.', 'child', True),
    ('Volgens de notulist was de opkomst vanuit het vrijwilligerswerk bedroevend laag.', 'informal', True),
    ('Van de veertig aanwezigen waren er amper drie die zelf een schuldregeling hadden doorlopen.', 'lived_experience', True),
    ('Slechts vier scholieren kwamen opdagen.', 'child', True),
    ('De wijkwerkers stelden vast dat de buurtvrijwilligers de weg naar de sessie niet hadden gevonden.', 'informal', True),
    ('Er waren, zoals afgesproken, geen kinderen aanwezig.', 'child', False),
    ('Dit keer geen ouders in de zaal: de bijeenkomst was uitdrukkelijk bedoeld voor schuldhulpverleners onder elkaar.', 'lived_experience', False),
    ('Verbeterpunt: de vrijwilligers waren niet uitgenodigd, een vergetelheid die we niet willen herhalen.', 'informal', True),
    ('Leuk dat de buurt zo massaal kwam, maar ik miste wel iemand van de hulpverlening.', 'formal', True),
    ('De ervaringsdeskundigen waren uitgenodigd maar kwamen niet.', 'lived_experience', True),
    ('Verder valt op dat de vaders in deze groep ondervertegenwoordigd waren.', 'lived_experience', False),
    # a review of this session's rules: what they must not take, and what they still must
    ('De verwachte jongeren kwamen niet opdagen.', 'child', True),
    ('Anders dan verwacht waren er geen ouders.', 'lived_experience', True),
    ('Ouders waren er niet bij, en dat was geen bewuste keuze.', 'lived_experience', True),
    ('Jongeren kwamen helaas niet opdagen, maar ouders waren bewust niet uitgenodigd.', 'child', True),
    ('Jongeren kwamen niet opdagen, waardoor de avond niet verliep zoals gepland.', 'child', True),
    ('Waarom zijn er geen activiteiten voor jongeren in de wijk?', 'child', False),
    ('De inbreng van de jongeren was dat het jongerencentrum te klein is.', 'child', False),
    ('Ook de mantelzorgers hadden we uitgenodigd. Die lieten het afweten.', 'lived_experience', True),
    ('De kinderen hadden om negen uur bij de school moeten zijn, maar de bus was te laat.', 'child', False),
    ('Veel bijstandsgerechtigden hadden vorig jaar verplicht moeten meedoen aan een taaltraject.', 'lived_experience', False),
    ('Op twee ouders na waren alle ouders positief over de avond.', 'lived_experience', False),
    ('In onze wijk wonen vrij weinig jongeren.', 'child', False),
    ('Onder de ouders was bijna niemand die ooit van de regeling had gehoord.', 'lived_experience', False),
    ('De medewerkers van de schuldhulp waren er zelf niet bij.', 'formal', True),
    ('Ouders waren er zaterdag niet bij, en dat was een bewuste keuze.', 'lived_experience', False),
    # "maar ook deze keer" starts a clause of its own; "niet alleen ..., maar ook ..." does not
    ("Kinderen kwamen wel, maar ook deze keer ontbraken hun ouders.", "child", False),
    ("Kinderen kwamen wel, maar ook deze keer ontbraken hun ouders.", "lived_experience", True),
    ("Niet alleen ouders, maar ook jongeren ontbraken.", "lived_experience", True),
    # one named person who sent apologies is no missing perspective
    ("Mevrouw El Amrani van de buurtvereniging kon er helaas niet bij zijn.", "informal", False),
    ("Ervaringsdeskundige Linda de Wit had zich afgemeld wegens ziekte.", "lived_experience", False),
    # a yes/no question asks; a question where they were says they were not there
    ("Waren de ouders er niet bij? Nee, en dat was bewust.", "lived_experience", False),
    ("Uit de zaal kwam de vraag: waar waren de jongeren?", "child", True),
    # not invited for a reason is a choice; "Daar" after an earlier meeting is that meeting
    ("Jongeren onder de 27 vallen onder een apart traject en waren dus ook niet uitgenodigd.", "child", False),
    ("Ouders waren niet uitgenodigd, en dat was een gemiste kans.", "lived_experience", True),
    ("Vorig jaar was er een raadsbijeenkomst over schoolkosten. Daar zat geen enkele jongere aan tafel.", "child",
     False),
    ("We begonnen in de raadzaal. Daar zat geen enkele jongere aan tafel.", "child", True),
    # what should have been, and the next time with a verb of joining split around who joins
    ("Volgens de aanwezigen hadden er meer ouders bij moeten zijn.", "lived_experience", True),
    ("Een leerling had hier eigenlijk moeten staan, vond de directeur.", "child", True),
    ("Bij de volgende bijeenkomst schuiven er hopelijk ook statushouders aan.", "lived_experience", True),
    ("Bij de volgende bijeenkomst sluiten we aan bij de wensen van jongeren.", "child", False),
    # Flemish government: two parts of the formal side
    ("Er was niemand van het Sociaal Huis of van het stadsbestuur aanwezig, hoewel ze uitgenodigd waren.",
     "formal", True),
])
def test_voices_flagged_missing(nlp, text, perspective, flagged):
    voice = analyse(nlp, text)._.wsd_voices[perspective]
    assert voice.flagged_missing is flagged
    # the evidence is the flagging sentence: the last one where a pronoun points back
    assert voice.evidence == (text.split(". ")[-1] if flagged else None)


def test_voices_flag_evidence_prefers_first_sentence(nlp):
    text = "Slechts één vrijwilliger hielp mee. Later bleek dat vrijwilligers werden gemist."
    assert analyse(nlp, text)._.wsd_voices["informal"].evidence == "Slechts één vrijwilliger hielp mee."


@pytest.mark.parametrize("text, expected", [
    ("Ook andere partijen werden gemist, zoals notarissen en juristen.", ["notarissen", "juristen"]),
    ("Tijdens de sessie bleek de juridische kennis erg laag vertegenwoordigd.", ["juridische kennis"]),
    ("Er waren geen schuldeisers aanwezig.", ["schuldeisers"]),
    ("We misten andere stemmen, zoals vrijwilligers en mantelzorgers.", []),
    ("Er waren veel notarissen aanwezig.", []),
    # other voices in the word orders Dutch allows; parts of a perspective are named (§8.15, §8.16)
    ("Volgende keer willen we ook apothekers en werkgevers aan tafel.", ["apothekers", "werkgevers"]),
    ("We willen de volgende keer ook huisartsen uitnodigen.", ["huisartsen"]),
    ("De woningcorporatie ontbrak.", ["woningcorporatie"]),
    ("Tijdens de avond ontbrak de woningcorporatie.", ["woningcorporatie"]),
    ("Helaas ontbraken de bibliotheek en de wijkagent bij dit gesprek.", ["bibliotheek", "wijkagent"]),
    ("Ook de apotheek en het buurtwerk waren niet vertegenwoordigd.", ["apotheek", "buurtwerk"]),
    ("Ook tandartsen, die armoede vaak als eersten opmerken, ontbraken.", ["tandartsen"]),
    ("Hij mist de kredietbank aan tafel: daar begint het.", ["kredietbank"]),
    ("Niemand van de sociale dienst was aanwezig.", ["sociale dienst"]),
    ("De wethouder was niet aanwezig.", ["wethouder"]),
    ("Het onderwijs was opvallend laag vertegenwoordigd.", ["onderwijs"]),
    # pronouns, questions and the four perspectives are no names
    ("Wie ontbrak er?", []),
    ("Volgende keer willen we ze uitnodigen.", []),
    ("Volgende keer willen we ook ouders uitnodigen.", []),
    ("Apothekers ontbraken. We willen hen bij een volgende bijeenkomst apart uitnodigen.", ["Apothekers"]),
    ("Afwezig waren de organisaties, zoals apothekers, terwijl zij veel zien.", ["apothekers"]),
    ("Eén stem ontbrak: die van de leerlingen.", []),
])
def test_voices_missing_named(nlp, text, expected):
    assert analyse(nlp, text)._.wsd_missing_named == expected


def test_voices_missing_named_keeps_spelling(nlp):
    doc = analyse(nlp, "Er ontbraken anderen, zoals ROC's en Notarissen.")
    assert doc._.wsd_missing_named == ["ROC's", "Notarissen"]


def test_voices_user_cue_file(tmp_path):
    cues, _ = load_voice_cues()
    cues["terms"]["child"] = ["knirps"]
    path = tmp_path / "voice_cues.yaml"
    import yaml
    path.write_text(yaml.safe_dump(cues, allow_unicode=True), encoding="utf-8")
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("wsd_voices", config={"cues": str(path)})
    assert analyse(nlp, "Er waren drie knirpsen en een knirps aanwezig.")._.wsd_voices["child"].status == "present"


@pytest.mark.parametrize("change, message", [
    (lambda c: c.update(extra=1), "unknown key"),
    (lambda c: c["terms"].update(elderly=["ouderen"]), "unknown key"),
    (lambda c: c["missing"].append({"kind": "maybe", "pattern": "x"}), "'kind'"),
    (lambda c: c["missing"].append({"kind": "few", "pattern": "(open"}), "not a valid regular expression"),
    (lambda c: c.pop("attendance"), "required"),
    (lambda c: c.update(not_now="vaak"), "list of words"),
    (lambda c: c.update(coordinators=[", en"]), "one regular expression"),
    (lambda c: c.update(pronouns="ze"), "list of words"),
])
def test_voices_cue_file_validated(tmp_path, change, message):
    import yaml
    cues, _ = load_voice_cues()
    change(cues)
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(cues, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        VoiceFinder(*load_voice_cues(path))


def test_voices_cue_file_without_the_optional_keys(tmp_path):
    import yaml
    cues, _ = load_voice_cues()
    for key in ("pronouns", "plural_nouns", "addressed", "coordinators", "past_modals"):
        cues.pop(key)
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(cues, allow_unicode=True), encoding="utf-8")
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("wsd_voices", config={"cues": str(path)})
    doc = analyse(nlp, "Jongeren ontbraken helaas, maar ze kwamen later.")
    assert doc._.wsd_voices["child"].flagged_missing


@pytest.mark.parametrize("sentence, flagged", [
    ("Ouders waren er niet bij.", True),
    # a main clause dates the clauses it introduces, up to the next main clause
    ("Bij de eerste avond, vorig jaar, merkten deelnemers op dat ouders nauwelijks aan het woord kwamen.", False),
    ("Hij merkt op dat het punt in januari is uitgesteld omdat de ouders toen niet vertegenwoordigd waren.", False),
    ("Vorig jaar waren er veel ouders, maar vanavond ontbraken ze.", True),
    ("In januari begonnen we met deze reeks; vanavond ontbraken ouders.", True),
    ("Eind maart waren er geen ouders aanwezig.", True),
    # another month than the meeting's is another time: an earlier meeting
    ("Bij de avond in januari waren er geen ouders aanwezig.", False),
    ("In 2021 waren er geen ouders aanwezig.", False),
    ("In 2024 waren er geen ouders aanwezig.", True),
    # a season without the meeting's month is another time too
    ("Bij de eerste bijeenkomst in het najaar waren er geen ouders aanwezig.", False),
    ("In het voorjaar waren er geen ouders aanwezig.", True),
    # a time that dates the main clause dates what it introduces, unless the clause names this meeting
    ("Hoewel we ze een maand geleden hadden uitgenodigd, waren ouders er vanavond niet bij.", True),
    ("Net als bij de vorige bijeenkomst waren er geen ouders aanwezig.", True),
    ("Het is lang geleden dat er zo weinig ouders aanwezig waren.", True),
    ("Vroeger werden zulke besluiten genomen zonder dat er ouders bij waren.", False),
    ("Vorige week kwamen we bijeen in het buurthuis, waar geen ouders aanwezig waren.", True),
])
def test_voices_another_month_is_another_meeting(sentence, flagged):
    text = f"Verslag\n\nOp dinsdag 12 maart 2024 vond de bijeenkomst plaats in het buurthuis. {sentence}\n"
    report = report_from_text(text, "r.txt")
    assert report.metadata.event_date == "2024-03-12"
    voice = make_doc(report, build_pipeline())._.wsd_voices["lived_experience"]
    assert voice.flagged_missing is flagged


@pytest.mark.parametrize("sentence, flagged", [
    ("Bij de eerste werkplaats in mei zaten er nog nauwelijks ouders in de zaal.", False),
    ("In oktober zaten er nauwelijks ouders in de zaal.", True),
    ("Eind september zaten er nauwelijks ouders in de zaal.", True),  # the month before publication
])
def test_voices_without_an_event_date_the_publication_dates_the_meeting(sentence, flagged):
    text = f"Verslag\n\nGepubliceerd op 9 oktober 2024\n\nDe werkplaats ging over werk en inkomen. {sentence}\n"
    report = report_from_text(text, "r.txt")
    assert (report.metadata.event_date, report.metadata.published_date) == (None, "2024-10-09")
    voice = make_doc(report, build_pipeline())._.wsd_voices["lived_experience"]
    assert voice.flagged_missing is flagged


def test_voices_people_in_a_film_are_talked_about(nlp):
    """A speaker first named in a film shown at the meeting makes the perspective mentioned (§8.14);
    one who speaks after the film is at the meeting."""
    in_film = Actor("a1", None, "drie kinderen", None, None, "child", "group", True, mentions=((42, 55),))
    text = "We toonden de film Lege brooddoos, waarin drie kinderen vertellen hoe ze zich schamen."
    assert text[42:55] == "drie kinderen"
    assert analyse(nlp, text, [in_film])._.wsd_voices["child"].status == "mentioned"
    after = Actor("a1", None, "een moeder", None, None, "lived_experience", "individual", True, mentions=((25, 35),))
    text = "Na de film vertelde toen een moeder dat ze het herkende."
    assert text[25:35] == "een moeder"
    assert analyse(nlp, text, [after])._.wsd_voices["lived_experience"].status == "voiced"
