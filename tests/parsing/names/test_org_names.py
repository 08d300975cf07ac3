"""Whole organisation names and acronyms (app/parsing/names/org_names.py and the org_*
modules it runs)."""

from __future__ import annotations

import pytest

from app.parsing.models import ParsedBrief
from app.parsing.names.emitting import Mention
from app.parsing.names.org_acronyms import acronym_letters, initials
from app.parsing.names.org_keys import qualified_name
from app.parsing.names.org_names import _after_a_heading
from app.vocabulary import ActorKind
from tests.parsing.helpers import brief

LEAD = "Lead: On May 2, 2025 in Oslo, envoys met."


def parse(*sentences: str) -> ParsedBrief:
    return brief(LEAD, "Key Takeaways", *("- " + s for s in sentences))


def organisations(parsed: ParsedBrief) -> dict[str, list[str]]:
    return {a.name: a.aliases for a in parsed.actors if a.kind == "organization"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Officials of the Bureau of Industry and Security (BIS) met.",
            "Bureau of Industry and Security",
        ),
        ("The Tigray People's Liberation Front (TPLF) agreed.", "Tigray People's Liberation Front"),
        (
            "Kim Yong Chol, of the Central Committee of the Workers' Party of Korea, spoke.",
            "Central Committee of the Workers' Party of Korea",
        ),
        (
            "The Ministry of Finance and Public Credit objected.",
            "Ministry of Finance and Public Credit",
        ),
        (
            "The Office for the Coordination of Humanitarian Affairs warned.",
            "Office for the Coordination of Humanitarian Affairs",
        ),
        ("The House of Commons voted.", "House of Commons"),
    ],
)
def test_a_name_is_read_whole_over_its_small_words(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


def test_an_acronym_defined_in_brackets_is_the_same_organisation() -> None:
    parsed = parse(
        "The Democratic Unionist Party (DUP) rejected the deal.", "The DUP said no again."
    )
    found = organisations(parsed)
    assert found == {"Democratic Unionist Party": ["Democratic Unionist Party", "DUP"]}


def test_an_acronym_in_brackets_reads_the_name_over_and() -> None:
    parsed = parse("The Organisation for Economic Co-operation and Development (OECD) said so.")
    assert "Organisation for Economic Co-operation and Development" in organisations(parsed)


def test_an_acronym_spelling_an_organisation_named_in_the_brief_is_it() -> None:
    parsed = parse("The International Energy Agency published data.", "The IEA warned.")
    assert organisations(parsed) == {
        "International Energy Agency": ["International Energy Agency", "IEA"]
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The Value Added Tax (VAT) rises.",
        "The VAT rises in May.",
        "Both sides extended New START for five years.",
        "The 737 MAX was grounded.",
    ],
)
def test_capitals_alone_or_a_defined_thing_are_no_organisation(sentence: str) -> None:
    assert organisations(parse(sentence)) == {}


def test_two_names_joined_by_and_stay_two() -> None:
    parsed = parse(
        "British Prime Minister Boris Johnson and European Commission President "
        "Jean-Claude Juncker announced a deal.",
        "The European Commission and European Council agreed.",
    )
    assert set(organisations(parsed)) == {"European Commission", "European Council"}


def test_a_nationality_adjective_gives_the_country_not_the_name() -> None:
    parsed = parse(
        "The Russian Defence Ministry and the Ukrainian Defence Ministry disagreed.",
        "Mexico's Ministry of Finance objected.",
    )
    found = {(a.key, a.name, a.country) for a in parsed.actors if a.kind == "organization"}
    assert found == {
        ("russian-defence-ministry", "Defence Ministry", "RU"),
        ("ukrainian-defence-ministry", "Defence Ministry", "UA"),
        ("mexican-ministry-of-finance", "Ministry of Finance", "MX"),
    }


def test_a_known_organisation_is_named_as_the_brief_writes_it_in_full() -> None:
    parsed = parse("The EU met.", "The European Union agreed.")
    assert organisations(parsed) == {"European Union": ["EU", "European Union"]}
    only_acronym = parse("The EU met.")
    assert [(a.key, a.name) for a in only_acronym.actors if a.kind == "organization"] == [
        ("european-union", "EU")
    ]


def test_cue_words_make_a_single_name_an_organisation() -> None:
    parsed = parse("Polls by the pollster Ipsos showed a lead for the ruling party Fidesz.")
    assert {"Ipsos", "Fidesz"} <= set(organisations(parsed))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Mungiki sect is accused of killings.", "Mungiki"),
        ("The intermediary Rosukro is removed from the trade.", "Rosukro"),
        ("Lobbying by Transafrica and its director kept it alive.", "Transafrica"),
        ("Manufacturers such as Caterpillar blamed the dollar.", "Caterpillar"),
        ("They heard broadcasters such as Radiokal all year.", "Radiokal"),
        ("Officials said ERT, the state broadcaster, could be sold.", "ERT"),
        ("RTÉ said the IRA leadership has not decided.", "IRA"),
    ],
)
def test_the_brief_says_a_single_name_is_an_organisation(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Leaders such as Putin came.",
        "Peace in Bosnia and Herzegovina and its annexes was signed.",
        "Aid went to towns such as Naivasha.",
    ],
)
def test_a_single_name_the_brief_does_not_call_an_organisation_is_none(sentence: str) -> None:
    assert organisations(parse(sentence)) == {}


def test_initials_skip_small_words_and_read_hyphenated_parts() -> None:
    assert (
        initials(["Organization", "for", "Security", "and", "Co-operation", "in", "Europe"])
        == "OSCE"
    )


def test_qualified_name() -> None:
    assert qualified_name("Foreign Ministry", "RU") == "Russian Foreign Ministry"
    assert qualified_name("Atomic Energy Organization of Iran", None) == (
        "Iranian Atomic Energy Organization"
    )
    assert qualified_name("Iranian Atomic Energy Organization", "IR") == (
        "Iranian Atomic Energy Organization"
    )
    assert qualified_name("U.N.", None) == "United Nations"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The Board of Governors of the International Atomic Energy Agency voted.",
            "Board of Governors",
        ),
        (
            "The Office of the United Nations High Commissioner for Refugees (UNHCR) warned.",
            "Office of the United Nations High Commissioner for Refugees",
        ),
        ("Sweden acted against the Kurdistan Workers’ Party (PKK).", "Kurdistan Workers’ Party"),
        ("The ruling Justice and Development Party won.", "Justice and Development Party"),
        ("Energy ministers of OPEC+ agreed.", "OPEC+"),
        ("The Eritrean Defence Forces withdrew.", "Eritrean Defence Forces"),
    ],
)
def test_names_the_run_reader_cuts_are_found_whole(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


def test_a_person_owning_an_organisation_stays_a_person() -> None:
    parsed = parse("Hungarian Prime Minister Viktor Orbán’s Fidesz party delayed the vote.")
    assert set(organisations(parsed)) == {"Fidesz"}
    assert "Viktor Orbán" in {a.name for a in parsed.actors if a.kind == "person"}


def test_an_event_defined_by_an_acronym_is_no_organisation() -> None:
    parsed = parse("Under the Dispute Settlement Understanding (DSU), appeals stop.")
    assert organisations(parsed) == {}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Fighters of the Free Syrian Army withdrew.", "Free Syrian Army"),
        ("The Royal Australian Navy will operate them.", "Royal Australian Navy"),
        (
            "The UN Assistance Mission in Afghanistan reported losses.",
            "UN Assistance Mission in Afghanistan",
        ),
        ("Exports by Petróleos de Venezuela, S.A. resumed.", "Petróleos de Venezuela, S.A."),
        ("Jake Sullivan and National Economic Council staff met.", "National Economic Council"),
    ],
)
def test_whole_names_round_three(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


def test_a_country_before_a_state_body_gives_its_country() -> None:
    parsed = parse("The U.S. Treasury Department listed the bank.")
    found = {(a.name, a.country) for a in parsed.actors if a.kind == "organization"}
    assert found == {("Treasury Department", "US")}


def test_a_known_name_ends_where_it_is_known() -> None:
    parsed = parse(
        "The High Representative of the European Union for Foreign Affairs spoke.",
        "Polls by Ipsos and Datexco differed.",
        "The U.N. on Sept. 3 agreed.",
    )
    assert {"European Union", "Ipsos", "U.N."} <= set(organisations(parsed))
    assert not {n for n in organisations(parsed) if " and " in n or " on " in n}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Troops of the NATO-led Implementation Force arrived.", "Implementation Force"),
        # A country's name of two words before '-led' (parser 1.12.0).
        ("The New Zealand-led Truce Monitoring Group arrived.", "Truce Monitoring Group"),
        (
            "The Turkish-backed National Front for Liberation withdrew.",
            "National Front for Liberation",
        ),
        (
            "The Contact Group of the United States, Russia, France and Germany met.",
            "Contact Group",
        ),
    ],
)
def test_descriptors_and_member_lists_are_not_part_of_a_name(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


def test_an_acronym_never_widens_a_name_across_a_sentence() -> None:
    parsed = parse(
        "Serb leaders formed a party (SDS). Izetbegović's Party of Democratic Action (SDA) won."
    )
    assert "Party of Democratic Action" in organisations(parsed)
    assert not [n for n in organisations(parsed) if "SDS" in n and " " in n]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Qatar Stock Exchange fell.", "Qatar Stock Exchange"),
        (
            "The Syrian Observatory for Human Rights counted 12 dead.",
            "Syrian Observatory for Human Rights",
        ),
        ("Jaish-e-Mohammed claimed the attack.", "Jaish-e-Mohammed"),
        ("The broadcaster Eri-TV showed the signing.", "Eri-TV"),
        ("The Donbas Battalion withdrew.", "Donbas Battalion"),
        ("The Prime Minister’s Office confirmed it.", "Prime Minister’s Office"),
        ("The Comptroller General's Office barred him.", "Comptroller General's Office"),
        ("The Cuban American National Foundation objected.", "Cuban American National Foundation"),
        ("Gen. Yuri Baluyevsky, chief of Russia's General Staff, warned.", "General Staff"),
        ("The OSCE Minsk Group co-chairs met.", "OSCE Minsk Group"),
        ("Japan's business federation Keidanren argued for it.", "Keidanren"),
        ("Talks ran through Roevik, a Norwegian research institute, for months.", "Roevik"),
    ],
)
def test_whole_names_round_six(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Operation Deliberate Force ended in September.",
        "The Federation of Bosnia and Herzegovina voted.",
        "The Pentagon said it agreed.",
        "The Saudi-led coalition struck.",
        "In Roevik, the opposition movement marched.",
        "Troops neared Roevik, the seat of the rebel council.",
    ],
)
def test_operations_territories_and_metonyms_are_no_organisation(sentence: str) -> None:
    assert organisations(parse(sentence)) == {}


@pytest.mark.parametrize(
    ("sentence", "name", "short"),
    [
        (
            "The Zimbabwe African National Union – Patriotic Front (ZANU-PF) won.",
            "Zimbabwe African National Union – Patriotic Front",
            "ZANU-PF",
        ),
        (
            "Kalonzo Musyoka of the Orange Democratic Movement–Kenya (ODM-Kenya) spoke.",
            "Orange Democratic Movement–Kenya",
            "ODM-Kenya",
        ),
        (
            "The Sudan Liberation Movement-Minni Minawi (SLM-MM) signed.",
            "Sudan Liberation Movement-Minni Minawi",
            "SLM-MM",
        ),
    ],
)
def test_a_hyphenated_acronym_defines_the_name_across_its_dash(
    sentence: str, name: str, short: str
) -> None:
    assert organisations(parse(sentence)) == {name: [name, short]}


def test_a_hyphenated_name_defines_no_acronym_of_its_own() -> None:
    assert "NATO-Ukraine Council" in organisations(parse("The NATO-Ukraine Council met."))


def test_acronym_letters_read_a_worded_part_by_its_initial() -> None:
    assert [acronym_letters(t) for t in ("ZANU-PF", "ODM-Kenya", "DUP")] == [
        "ZANUPF",
        "ODMK",
        "DUP",
    ]


def test_a_name_never_runs_on_into_the_person_who_leads_it() -> None:
    parsed = parse("The Party of Regions of Viktor Yanukovych wants a vote.")
    assert organisations(parsed) == {"Party of Regions": ["Party of Regions"]}
    assert "Viktor Yanukovych" in {a.name for a in parsed.actors if a.kind == "person"}


def test_a_name_runs_on_over_words_that_only_look_like_a_person() -> None:
    parsed = parse("The Special Commission for the Convening of the Emergency Loya Jirga, a body.")
    assert "Special Commission for the Convening of the Emergency Loya Jirga" in organisations(
        parsed
    )


def test_a_lone_organisation_word_takes_the_body_it_belongs_to() -> None:
    parsed = parse("Amara Essy will chair the Commission of the African Union.")
    assert "Commission of the African Union" in organisations(parsed)
    parsed = parse("The Appellate Body of the World Trade Organization is idle.")
    assert {"Appellate Body", "World Trade Organization"} <= set(organisations(parsed))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Kenya Red Cross Society fed the camps.", "Kenya Red Cross Society"),
        ("The Pakistan Red Crescent Society sent tents.", "Pakistan Red Crescent Society"),
    ],
)
def test_a_country_name_before_a_body_of_its_own_is_part_of_its_name(
    sentence: str, name: str
) -> None:
    assert name in organisations(parse(sentence))


def test_a_country_name_before_a_state_body_or_inside_another_name_is_not() -> None:
    assert "United States Senate" not in organisations(parse("The United States Senate voted."))
    assert "China Boeing Company" not in organisations(
        parse("He flew on an Air China Boeing Company jet.")
    )


def test_every_name_listed_after_such_as_is_one_organisation() -> None:
    parsed = parse("Traders such as Cargol and Bungo will test the corridor.")
    assert set(organisations(parsed)) == {"Cargol", "Bungo"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Phnom Penh Post reported a walkout.", "Phnom Penh Post"),
        ("The Daily Nation reported the talks.", "Daily Nation"),
        ("The Kampala Tribune said so.", "Kampala Tribune"),
    ],
)
def test_a_newspaper_is_an_organisation(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


def test_daily_alone_names_no_newspaper() -> None:
    assert organisations(parse("Daily flights resumed.")) == {}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Oleh Dubyna, chairman of Naftogaz of Ukraine, signed.", "Naftogaz of Ukraine"),
        ("Jane Roe, the founder of Roevik, said so.", "Roevik"),
        ("The stake was held through Roevik Investment AG as trustee.", "Roevik Investment AG"),
        ("Acme Widgets Ltd objected.", "Acme Widgets Ltd"),
        # The legal form spelled out (parser 1.12.0), with its acronym.
        ("Roevik Copper Limited (RCL) closed the mine.", "Roevik Copper Limited"),
    ],
)
def test_a_leader_of_a_single_name_or_a_legal_form_makes_it_an_organisation(
    sentence: str, name: str
) -> None:
    assert name in organisations(parse(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Arayik Harutyunyan, leader of the Karabakh authorities, had warned.",
        "Panos Kammenos, leader of the Independent Greeks, objected.",
    ],
)
def test_a_word_describing_others_after_leader_of_is_no_organisation(sentence: str) -> None:
    assert not {"Karabakh", "Independent"} & set(organisations(parse(sentence)))


def test_a_person_in_the_possessive_before_a_defined_name_owns_it() -> None:
    parsed = parse(
        "Brazilian President Luiz Inácio Lula da Silva spoke.",
        "Lula's Workers' Party (PTB) hails the deal.",
    )
    assert list(organisations(parsed)) == ["Workers' Party"]


def test_an_office_title_and_a_name_end_a_body_the_run_reader_joined_them_to() -> None:
    parsed = parse(
        "Bank of England Governor Robin Leigh-Pemberton and Banque de France Governor"
        " Michel Camdessus also attended."
    )
    assert not [name for name in organisations(parsed) if "Governor" in name]
    assert "U.N. General Assembly" in organisations(parse("The U.N. General Assembly voted."))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The Conference on Security and Co-operation in Europe (CSCE) meets.",
            "Conference on Security and Co-operation in Europe",
        ),
        (
            "The United Nations Conference on Trade and Development warned.",
            "United Nations Conference on Trade and Development",
        ),
        ("Iran and the P5+1 group of world powers concluded the deal.", "P5+1"),
    ],
)
def test_a_known_name_holding_small_or_event_words_is_found_whole(sentence: str, name: str) -> None:
    assert list(organisations(parse(sentence))) == [name]


def test_a_nationality_adjective_before_a_name_with_a_known_word_inside_is_part_of_it() -> None:
    parsed = parse("The Sudanese Congress Party joined the talks.")
    assert list(organisations(parsed)) == ["Sudanese Congress Party"]


def test_a_body_and_the_person_who_leads_it_after_of_are_two_actors() -> None:
    parsed = parse(
        "The National Umma Party of Sadiq al-Mahdi and the Lebanese Forces of Samir Geagea met."
    )
    assert list(organisations(parsed)) == ["National Umma Party", "Lebanese Forces"]
    people = [a.name for a in parsed.actors if a.kind == "person"]
    assert people == ["Sadiq al-Mahdi", "Samir Geagea"]
    # With a middle initial (parser 1.12.0).
    parsed = parse("The Roevik Interim Provincial Government of John L. Momis met.")
    assert list(organisations(parsed)) == ["Roevik Interim Provincial Government"]
    assert [a.name for a in parsed.actors if a.kind == "person"] == ["John L. Momis"]


def test_people_in_the_possessive_is_part_of_a_name_not_a_person() -> None:
    parsed = parse("Groups merged into the People's Revolutionary Army (ERP) in 1992.")
    assert organisations(parsed) == {
        "People's Revolutionary Army": ["People's Revolutionary Army", "ERP"]
    }
    assert not [a for a in parsed.actors if a.kind == "person"]
    # A plural's possessive too, at a sentence's start (parser 1.12.0).
    parsed = parse("The Workers' Party of Korea held a congress.")
    assert set(organisations(parsed)) == {"Workers' Party of Korea"}


def test_bloc_constabulary_academy_are_organisation_words() -> None:
    parsed = parse(
        "The Yulia Tymoshenko Bloc walked out.",
        "The Royal Ulster Constabulary (RUC) will be reformed.",
        "He taught at the United States Naval Academy.",
    )
    wanted = {"Yulia Tymoshenko Bloc", "Royal Ulster Constabulary", "United States Naval Academy"}
    assert wanted <= set(organisations(parsed))


def test_a_name_headed_by_an_event_word_is_no_organisation() -> None:
    parsed = parse("The Commonwealth Heads of Government Meeting in Lusaka changed that.")
    assert "Commonwealth Heads of Government Meeting" not in organisations(parsed)
    assert "Government of National Accord" in organisations(
        parse("The Government of National Accord (GNA) held Tripoli.")
    )


@pytest.mark.parametrize(
    ("sentences", "names"),
    [
        (
            (
                "Officers of the General Intelligence Service were arrested.",
                "The Comptroller General's Office reviewed the deal.",
            ),
            {"General Intelligence Service", "Comptroller General's Office"},
        ),
        (
            (
                "The Deutsche Bundesbank and the Banque de France sold dollars.",
                "Funds held at the Industrial Bank of Korea were moved.",
            ),
            {"Deutsche Bundesbank", "Banque de France", "Industrial Bank of Korea"},
        ),
    ],
)
def test_general_as_an_adjective_and_central_banks_by_their_official_names(
    sentences: tuple[str, ...], names: set[str]
) -> None:
    assert set(organisations(parse(*sentences))) == names


def test_names_listed_after_a_plural_organisation_word_are_each_one() -> None:
    parsed = parse("The small right-wing parties Tehiyo and Moledo threatened to leave.")
    assert set(organisations(parsed)) == {"Tehiyo", "Moledo"}


def test_two_names_of_one_head_joined_by_and_are_two_bodies() -> None:
    parsed = parse(
        "The Casablanca Group and Monrovia Group merged.",
        "The Social Democratic and Labour Party stayed out.",
    )
    assert set(organisations(parsed)) == {
        "Casablanca Group",
        "Monrovia Group",
        "Social Democratic and Labour Party",
    }


def test_an_irregular_plural_before_a_possessive_is_part_of_the_name() -> None:
    parsed = parse("The Mano River Women's Peace Network (MARWOPNET) signed as a witness.")
    assert "Mano River Women's Peace Network" in organisations(parsed)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "States and the United Nations Council for Namibia signed the convention.",
            "United Nations Council for Namibia",
        ),
        (
            "The Movement for Democracy in Liberia (MODEL) signed.",
            "Movement for Democracy in Liberia",
        ),
        (  # a country's official name after 'in the' (parser 1.12.0)
            "The United Nations Mission in the Republic of South Sudan (UNMISS) began.",
            "United Nations Mission in the Republic of South Sudan",
        ),
    ],
)
def test_a_name_goes_on_over_a_country_after_its_link_or_its_head(sentence: str, name: str) -> None:
    assert set(organisations(parse(sentence))) == {name}


def test_a_party_s_name_never_goes_on_over_in_a_country() -> None:
    parsed = parse(
        "The Colorado Party in Paraguay and the UN Assistance Mission in Afghanistan met."
    )
    assert set(organisations(parsed)) == {"Colorado Party", "UN Assistance Mission in Afghanistan"}


def test_an_ordinal_opening_a_name_is_part_of_it() -> None:
    parsed = parse("A Third Party Monitoring Team will review implementation.")
    assert set(organisations(parsed)) == {"Third Party Monitoring Team"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Democracio Popular, Mahuad's party, expects to gain.", "Democracio Popular"),
        ("The opposition daily La Prensa, closed since June, may reopen.", "La Prensa"),
        ("Koevot, the police counter-insurgency unit, fought there.", "Koevot"),
    ],
)
def test_an_owner_s_marker_an_article_after_a_marker_or_a_unit_make_an_organisation(
    sentence: str, name: str
) -> None:
    assert set(organisations(parse(sentence))) == {name}


def test_a_person_owning_a_party_is_not_the_party() -> None:
    parsed = parse("Mahuad's party and Jane Roe, Biden's adviser, backed it.")
    assert not organisations(parsed)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The Congress of Peru and Congress voted.", {"Congress of Peru", "Congress"}),
        (
            "The International Contact Group on Liberia, the African Union and others signed.",
            {"International Contact Group on Liberia", "African Union"},
        ),
    ],
)
def test_a_lone_known_word_or_a_group_on_one_country_takes_the_country(
    sentence: str, names: set[str]
) -> None:
    assert set(organisations(parse(sentence))) == names


def test_a_nationality_adjective_before_national_congress_names_a_party() -> None:
    parsed = parse("The Indian National Congress, with a large majority, agreed.")
    assert set(organisations(parsed)) == {"Indian National Congress"}
    assert set(organisations(parse("The U.S. Congress voted."))) == {"Congress"}


def test_a_name_read_up_to_the_first_of_a_list_of_members_ends_before_it() -> None:
    parsed = parse(
        "The Contadora Group met.",
        "Since 1983 the Contadora Group of Mexico, Colombia, Venezuela and Panama had tried.",
    )
    assert set(organisations(parsed)) == {"Contadora Group"}


def test_a_country_right_after_a_body_s_head_is_part_of_its_name() -> None:
    parsed = parse("The warships of Joint Task Force Liberia remain offshore.")
    assert set(organisations(parsed)) == {"Joint Task Force Liberia"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Vice President Jusuf Kalla, who also chairs Golkor, backed it.", "Golkor"),
        ("Prime Minister Georgievski leads VMRO-DPMNO; the opposition objects.", "VMRO-DPMNO"),
    ],
)
def test_the_single_name_a_person_leads_or_chairs_is_an_organisation(
    sentence: str, name: str
) -> None:
    assert name in organisations(parse(sentence))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Kennecot Consortium has prospected in the Pacific.", "Kennecot Consortium"),
        ("Ocean Minng Associates has prospected too.", "Ocean Minng Associates"),
        ("The Nicaraguan Resistance rejected the plan.", "Nicaraguan Resistance"),
        ("The Democratic Unity Roundtable called a march.", "Democratic Unity Roundtable"),
        # A charitable trust (parser 1.12.0), never a person.
        ("The Roevik Charitable Trusts said so.", "Roevik Charitable Trusts"),
        ("The Ocean Heritage Trust said so.", "Ocean Heritage Trust"),
    ],
)
def test_consortium_associates_and_resistance_head_organisation_names(
    sentence: str, name: str
) -> None:
    assert name in organisations(parse(sentence))


def test_a_legislature_known_by_its_national_name_is_an_organisation_alone() -> None:
    parsed = parse("With a majority in the Lok Sabha and the Storting, the bill passed.")
    assert set(organisations(parsed)) == {"Lok Sabha", "Storting"}


def test_a_territory_an_acronym_defines_is_no_organisation() -> None:
    parsed = parse("The entity is to replace the Autonomous Region in Muslim Mindanao (ARMM).")
    assert not organisations(parsed)


def test_an_acronym_an_owner_s_appositive_calls_a_body_is_one() -> None:
    parsed = parse("He indicted 12 officers of the GRX, Russia's military intelligence agency.")
    assert set(organisations(parsed)) == {"GRX"}


def test_a_known_body_before_led_or_backed_is_a_mention_of_it() -> None:
    parsed = parse("The NATO-led Kosovo Force (KFOR) remains responsible for security.")
    assert set(organisations(parsed)) == {"NATO", "Kosovo Force"}
    assert not organisations(parse("A Saudi-led coalition and a Gondor-backed plan failed."))


def test_a_body_named_inside_a_document_s_name_is_no_mention_of_its_own() -> None:
    assert not organisations(parse("The Charter of the United Nations shall govern relations."))
    parsed = parse(
        "They signed the Final Act of the Conference on Security and Co-operation in "
        "Europe (CSCE) there."
    )
    assert "Conference on Security and Co-operation in Europe" in organisations(parsed)


def test_a_capital_the_in_mid_sentence_is_part_of_a_name_not_at_a_sentence_s_start() -> None:
    parsed = parse("The Belfast Telegraph and The Irish Times led; the Irish Times said so.")
    assert organisations(parsed) == {
        "Belfast Telegraph": ["Belfast Telegraph"],
        "The Irish Times": ["The Irish Times", "Irish Times"],
    }
    # At a sentence's start a masthead keeps its own 'The'; a body does not (1.29.0).
    masthead = parse("The New York Times has argued for it.")
    assert set(organisations(masthead)) == {"The New York Times"}
    assert set(organisations(parse("The State Department has argued for it."))) == {
        "State Department"
    }
    # The article is no part of a paper's key (known papers keep theirs: 1.26.0).
    assert qualified_name("The Leeds Courier", None) == "Leeds Courier"


def test_a_name_an_acronym_defines_is_an_organisation_not_a_person() -> None:
    parsed = parse("Twagiramungu of the Parti Social Démocrate (PSD) spoke; the PSD agreed.")
    assert organisations(parsed) == {"Parti Social Démocrate": ["Parti Social Démocrate", "PSD"]}
    people = [a.name for a in parse("John Kennedy (JFK) spoke.").actors if a.kind == "person"]
    assert people == ["John Kennedy"]


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("The Democratic Alliance (DA) objected.", ["Democratic Alliance", "DA"]),
        ("The House of Representatives (HoR) voted.", ["House of Representatives", "HoR"]),
        (
            "He served with the Philippine Civic Action Group (PHILCAG) there.",
            ["Philippine Civic Action Group", "PHILCAG"],
        ),
    ],
)
def test_an_acronym_of_any_shape_in_brackets_joins_its_name(sentence: str, pair: list[str]) -> None:
    assert organisations(parse(sentence)) == {pair[0]: pair}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Noriega was chief of intelligence of the Guardia Nacional until then.",
            "Guardia Nacional",
        ),
        (
            "At home, Sukarno's Partai Nasional Indonesia faces an election.",
            "Partai Nasional Indonesia",
        ),
        (
            "Benkhedda must win the Conseil National de la Révolution Algérienne, which meets.",
            "Conseil National de la Révolution Algérienne",
        ),
    ],
)
def test_a_name_opened_by_a_head_word_written_first_is_an_organisation(
    sentence: str, name: str
) -> None:
    assert set(organisations(parse(sentence))) == {name}


def test_a_name_never_widens_into_part_of_another_body_s_name() -> None:
    parsed = parse("The General Staff of the Armée de Libération Nationale (ALN) refused.")
    assert set(organisations(parsed)) == {"General Staff", "Armée de Libération Nationale"}


def test_adjectives_in_brackets_after_a_body_s_name_are_part_of_it() -> None:
    parsed = parse(
        "The Communist Party of Nepal (Maoist) and the Communist Party of Nepal (Unified "
        "Marxist-Leninist), known as CPN-UML, signed."
    )
    assert organisations(parsed) == {
        "Communist Party of Nepal (Maoist)": ["Communist Party of Nepal (Maoist)"],
        "Communist Party of Nepal (Unified Marxist-Leninist)": [
            "Communist Party of Nepal (Unified Marxist-Leninist)",
            "CPN-UML",
        ],
    }
    parsed = parse("Parliament passed the European Union (Withdrawal) Act at last.")
    assert "European Union (Withdrawal)" not in organisations(parsed)


def test_an_ocean_s_half_before_an_organisation_word_is_part_of_the_name() -> None:
    parsed = parse("Members of the South Pacific Forum and the North Atlantic Council met.")
    assert set(organisations(parsed)) == {"South Pacific Forum", "North Atlantic Council"}


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        (
            "The United Nations Angola Verification Mission (UNAVEM) will verify it.",
            ["United Nations Angola Verification Mission", "UNAVEM"],
        ),
        (
            "Women from the Women in Peacebuilding Network (WIPNET) sat in.",
            ["Women in Peacebuilding Network", "WIPNET"],
        ),
        (
            "They use the franc of the Banque Centrale des États de l'Afrique de l'Ouest (BCEAO).",
            ["Banque Centrale des États de l'Afrique de l'Ouest", "BCEAO"],
        ),
    ],
)
def test_an_acronym_of_the_first_letters_of_each_word_defines_the_name(
    sentence: str, pair: list[str]
) -> None:
    assert organisations(parse(sentence)) == {pair[0]: pair}


def test_the_treasury_alone_is_a_body_not_in_a_title() -> None:
    assert set(organisations(parse("The figures rose; the Treasury would not confirm."))) == {
        "Treasury"
    }
    assert not organisations(parse("White, assistant to the Secretary of the Treasury, chaired."))
    assert not organisations(parse("Treasury Secretary Steven Mnuchin agreed."))


def test_executive_heads_a_body_s_name_not_a_title() -> None:
    parsed = parse("A Provisional Executive chaired by Abderrahmane Farès will run the vote.")
    assert set(organisations(parsed)) == {"Provisional Executive"}
    assert not organisations(parse("Hong Kong Chief Executive Carrie Lam said so."))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "A new station, Radio Télévision Libre des Mille Collines, began broadcasting.",
            "Radio Télévision Libre des Mille Collines",
        ),
        (
            "They met the Frente Farabundo Martí para la Liberación Nacional yesterday.",
            "Frente Farabundo Martí para la Liberación Nacional",
        ),
        (
            "The Banque Centrale des États de l'Afrique de l'Ouest issues it.",
            "Banque Centrale des États de l'Afrique de l'Ouest",
        ),
        ("The Treasury named Banco Delta Asia, a bank in Macau.", "Banco Delta Asia"),
    ],
)
def test_a_name_written_head_first_goes_on_over_the_small_words_of_its_language(
    sentence: str, name: str
) -> None:
    assert name in organisations(parse(sentence))


def test_powers_heads_a_grouping_of_states() -> None:
    parsed = parse("The sponsors were the five Colombo Powers: Burma, Ceylon and India.")
    assert set(organisations(parsed)) == {"Colombo Powers"}


def test_air_and_a_country_s_name_is_an_airline() -> None:
    assert organisations(parse("Delegates flew on an Air India charter.")) == {
        "Air India": ["Air India"]
    }


def test_a_lone_word_read_as_a_person_joins_a_body_s_name_over_and() -> None:
    parsed = parse("Leaders adopted a protocol creating a Peace and Security Council in Durban.")
    assert set(organisations(parsed)) == {"Peace and Security Council"}


def test_organisation_words_joined_by_a_hyphen_head_a_name() -> None:
    parsed = parse("An Interim Legislature-Parliament including 73 Maoists will sit.")
    assert set(organisations(parsed)) == {"Interim Legislature-Parliament"}


def test_monthly_and_weekly_head_a_periodical_s_name() -> None:
    parsed = parse("The story ran in Pacific Islands Monthly and the Sunday Weekly.")
    assert set(organisations(parsed)) == {"Pacific Islands Monthly", "Sunday Weekly"}


def test_a_title_word_ending_a_body_s_of_is_part_of_its_name() -> None:
    parsed = parse(
        "The Ministry of Justice and the Permanent Court of International Justice agreed.",
        "Minister of Justice Ana Vell said so.",
    )
    assert set(organisations(parsed)) == {
        "Ministry of Justice",
        "Permanent Court of International Justice",
    }
    assert [a.title for a in parsed.actors if a.kind == "person"] == ["Minister of Justice"]


def test_a_plural_noun_s_possessive_stays_inside_a_name_the_run_reader_reads() -> None:
    parsed = parse(
        "Officials said the Korean People's Army would dismantle a test site.",
        "The Palestinian People's Party and the Northern Ireland Women's Coalition signed.",
        "The People's Daily reported it.",
    )
    assert set(organisations(parsed)) == {
        "Korean People's Army",
        "Palestinian People's Party",
        "Northern Ireland Women's Coalition",
        "People's Daily",
    }
    assert not [a for a in parsed.actors if a.kind == "person"]


def test_a_nationality_adjective_is_a_word_of_an_air_force_s_name() -> None:
    parsed = parse(
        "The Colombian Air Force bombed a camp.",
        "The Russian Defence Ministry objected.",
    )
    assert set(organisations(parsed)) == {"Colombian Air Force", "Defence Ministry"}


def test_an_acronym_known_by_its_language_names_the_body_before_it() -> None:
    parsed = parse(
        "Pretoria ends its support for the Mozambican National Resistance, known by its "
        "Portuguese acronym RENAMO. RENAMO said nothing.",
    )
    assert organisations(parsed) == {
        "Mozambican National Resistance": ["Mozambican National Resistance", "RENAMO"]
    }


def test_an_acronym_after_a_list_of_names_defines_none_of_them_alone() -> None:
    parsed = parse(
        "It admits the Association of Indigenous Peoples of the North, Siberia and Far East "
        "of the Russian Federation, known by its Russian acronym RAIPON.",
    )
    assert "Far East of the Russian Federation" not in organisations(parsed)


def test_a_name_in_the_body_s_own_language_before_its_acronym_is_the_same_body() -> None:
    parsed = parse(
        "They met at the Secretariat of Foreign Affairs (Secretaría de Relaciones "
        "Exteriores, SRE) in Tlatelolco. The SRE said so.",
    )
    assert set(organisations(parsed)) == {"Secretariat of Foreign Affairs"}
    assert {"SRE", "Secretaría de Relaciones Exteriores"} <= set(
        organisations(parsed)["Secretariat of Foreign Affairs"]
    )
    assert not [a for a in parsed.actors if a.kind == "person"]


def test_an_acronym_spelling_the_body_a_longer_name_is_of_names_that_body_too() -> None:
    parsed = parse(
        "The Permanent Council of the Organization of American States (OAS) met. The OAS "
        "said so. The Office of the United States Trade Representative (USTR) agreed.",
    )
    orgs = organisations(parsed)
    assert "Permanent Council of the Organization of American States" in orgs
    assert "OAS" in orgs["Organization of American States"]
    assert "OAS" not in orgs["Permanent Council of the Organization of American States"]
    assert "USTR" in orgs["Office of the United States Trade Representative"]


def test_international_ending_a_name_and_radio_before_a_country_name_a_body() -> None:
    parsed = parse(
        "Greenpeace International said the pact was weak, and Sandline International left.",
        "Radio Australia reported it. Radio New Zealand did too.",
        "The Minister for International Development met the International Cooperation team.",
    )
    assert set(organisations(parsed)) == {
        "Greenpeace International",
        "Sandline International",
        "Radio Australia",
        "Radio New Zealand",
    }


def test_a_commission_word_of_another_language_opens_a_body_s_name() -> None:
    parsed = parse("The Comisión Nacional de Energía Atómica (CNEA) has lobbied. The CNEA won.")
    assert set(organisations(parsed)) == {"Comisión Nacional de Energía Atómica"}
    assert not [a for a in parsed.actors if a.kind == "person"]


def test_a_conference_or_programme_an_acronym_spells_exactly_is_a_standing_body() -> None:
    parsed = parse(
        "The Inuit Circumpolar Conference (ICC), led by Rosemarie Kuptana, agreed.",
        "The Arctic Monitoring and Assessment Programme (AMAP) reported.",
        "The Strategic Arms Limitation Talks (SALT) resumed.",
    )
    orgs = organisations(parsed)
    assert set(orgs) == {
        "Inuit Circumpolar Conference",
        "Arctic Monitoring and Assessment Programme",
    }
    assert "ICC" in orgs["Inuit Circumpolar Conference"]


def test_a_body_s_name_goes_on_over_in_and_a_world_region() -> None:
    parsed = parse(
        "It establishes the Agency for the Prohibition of Nuclear Weapons in Latin America, "
        "known by its Spanish acronym OPANAL. OPANAL will sit in Mexico City.",
    )
    assert organisations(parsed) == {
        "Agency for the Prohibition of Nuclear Weapons in Latin America": [
            "Agency for the Prohibition of Nuclear Weapons in Latin America",
            "OPANAL",
        ]
    }


def test_a_movement_word_inside_a_name_an_acronym_defines_makes_it_a_body() -> None:
    parsed = parse("The Muttahida Majlis-e-Amal (MMA) objected. The MMA walked out.")
    assert organisations(parsed) == {"Muttahida Majlis-e-Amal": ["Muttahida Majlis-e-Amal", "MMA"]}


def test_a_body_s_name_goes_on_over_of_the_and_a_country_written_as_an_acronym() -> None:
    parsed = parse(
        "Aleksei Kosygin, Chairman of the Council of Ministers of the USSR, hosted them.",
        "The European Commission agreed.",
    )
    assert set(organisations(parsed)) == {"Council of Ministers of the USSR", "European Commission"}


def test_a_newspaper_word_of_portuguese_opens_a_body_s_name() -> None:
    parsed = parse("The Folha de S.Paulo reported that the deal was close.")
    assert set(organisations(parsed)) == {"Folha de S.Paulo"}
    assert not [a for a in parsed.actors if a.kind == "person"]


def test_incorporated_ends_a_company_s_name_as_its_legal_form() -> None:
    parsed = parse("Nunavut Tunngavik Incorporated sees the council as a forum.")
    assert set(organisations(parsed)) == {"Nunavut Tunngavik Incorporated"}


def test_a_facility_an_acronym_spells_exactly_is_a_standing_body() -> None:
    parsed = parse("The Global Environment Facility (GEF) will fund the work. The GEF agreed.")
    orgs = organisations(parsed)
    assert set(orgs) == {"Global Environment Facility"}
    assert "GEF" in orgs["Global Environment Facility"]


def test_capitalised_words_and_radio_ending_a_name_are_a_broadcaster() -> None:
    parsed = parse(
        "The Holy See is said by Vatican Radio to be ready.",
        "All India Radio called them baseless.",
    )
    assert set(organisations(parsed)) == {"Vatican Radio", "All India Radio"}


def test_radio_a_country_and_internationale_is_its_world_service() -> None:
    parsed = parse("Radio France Internationale (RFI) reported that Sankoh would take it.")
    assert set(organisations(parsed)) == {"Radio France Internationale"}


def test_an_acronym_of_the_name_in_another_language_spells_it_reordered() -> None:
    parsed = parse(
        "The Guatemalan National Revolutionary Unity (URNG) signed. The URNG will disarm."
    )
    orgs = organisations(parsed)
    assert set(orgs) == {"Guatemalan National Revolutionary Unity"}
    assert "URNG" in orgs["Guatemalan National Revolutionary Unity"]


def test_two_names_opened_by_the_same_word_and_joined_by_and_are_two_bodies() -> None:
    parsed = parse("The deal was reported by Radio Australia and Radio New Zealand on Monday.")
    assert set(organisations(parsed)) == {"Radio Australia", "Radio New Zealand"}


def test_a_name_the_brief_calls_a_meeting_is_no_body() -> None:
    parsed = parse(
        "It competes with the Forum for Peace and Democracy, a meeting held in San José.",
        "The Organization of American States, a regional body, welcomed it.",
    )
    assert set(organisations(parsed)) == {"Organization of American States"}


def test_a_treaty_s_contracting_party_is_no_body() -> None:
    parsed = parse("It shall not affect the position of either Contracting Party on third states.")
    assert organisations(parsed) == {}


def test_all_and_a_country_open_a_body_s_name() -> None:
    parsed = parse("It drew protests from Mamata Banerjee's All India Trinamool Congress.")
    assert organisations(parsed) == {
        "All India Trinamool Congress": ["All India Trinamool Congress"]
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The Empresa Colombiana de Petróleos signed the lease.",
        "The Agência de Informação de Moçambique reported the talks.",
        "The Agence Nigérienne de Presse reported the talks.",
        "The Hidroeléctrica de Cahora Bassa sells power to South Africa.",
    ],
)
def test_a_company_or_agency_word_of_another_language_opens_a_body_s_name(sentence: str) -> None:
    parsed = parse(sentence)
    assert not [a for a in parsed.actors if a.kind == "person"]
    assert len(organisations(parsed)) == 1


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Firms such as W. R. Grace & Co. and others objected.", "W. R. Grace & Co."),
        ("The trading house Burns Philp & Co are to be consulted.", "Burns Philp & Co"),
        ("Links between Siemens & Halske and Renault may grow.", "Siemens & Halske"),
        ("Firms led by Yawata Iron & Steel are expected to bid.", "Yawata Iron & Steel"),
    ],
)
def test_a_firm_s_names_joined_by_an_ampersand_are_one_company(sentence: str, name: str) -> None:
    parsed = parse(sentence)
    assert name in organisations(parsed)
    assert not [a for a in parsed.actors if a.kind == "person"]


def test_two_countries_joined_by_an_ampersand_are_no_company() -> None:
    parsed = parse("Trinidad & Tobago and Antigua & Barbuda signed the accord.")
    assert not organisations(parsed)


def test_a_short_name_in_brackets_after_a_body_s_name_is_that_body() -> None:
    parsed = parse(
        "Afonso Dhlakama, leader of the Mozambican National Resistance (Renamo), signed.",
        "The Empresa Colombiana de Petróleos (Ecopetrol) bid; Ecopetrol won.",
    )
    orgs = organisations(parsed)
    assert set(orgs) == {"Mozambican National Resistance", "Empresa Colombiana de Petróleos"}
    assert "Renamo" in orgs["Mozambican National Resistance"]
    assert "Ecopetrol" in orgs["Empresa Colombiana de Petróleos"]


def test_a_titled_person_in_brackets_after_a_body_s_name_stays_a_person() -> None:
    parsed = parse("The Foreign Ministry (Minister Lavrov) objected.")
    orgs = organisations(parsed)
    assert "Foreign Ministry" in orgs
    assert not any("Lavrov" in " ".join(forms) for forms in orgs.values())


def test_a_short_name_before_a_body_s_full_name_in_brackets_is_that_body() -> None:
    parsed = parse(
        "Frelimo (the Front for the Liberation of Mozambique) abandoned Marxism; Frelimo won.",
        "The Mozambican National Resistance (Renamo) agreed; Domingos will head Renamo’s team.",
    )
    orgs = organisations(parsed)
    assert "Frelimo" in orgs["Front for the Liberation of Mozambique"]
    assert "Renamo" in orgs["Mozambican National Resistance"]
    assert "Frelimo" not in orgs
    assert not [a.name for a in parsed.actors if a.kind == "person" and a.name == "Renamo"]


@pytest.mark.parametrize(
    ("sentence", "name", "acronym"),
    [
        ("The Indonesian Armed Forces (ABRI) were tied down.", "Indonesian Armed Forces", "ABRI"),
        ("Troops joined the Angolan Armed Forces (FAA) in May.", "Angolan Armed Forces", "FAA"),
    ],
)
def test_an_acronym_of_another_language_keeps_the_adjective_before_a_state_body(
    sentence: str, name: str, acronym: str
) -> None:
    assert organisations(parse(sentence)) == {name: [name, acronym]}


def test_a_state_body_without_such_an_acronym_still_drops_its_adjective() -> None:
    found = organisations(parse("The Russian Foreign Ministry protested."))
    assert found == {"Foreign Ministry": ["Foreign Ministry"]}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Forces of the Mozambique Armed Forces (FAM) are to be cantoned.",
            "Mozambique Armed Forces",
        ),
        (
            "Forces of the Armed Forces for the Liberation of Angola (FALA) are to assemble.",
            "Armed Forces for the Liberation of Angola",
        ),
    ],
)
def test_an_organisation_word_before_of_the_that_the_name_repeats_is_no_part_of_it(
    sentence: str, name: str
) -> None:
    assert list(organisations(parse(sentence))) == [name]


def test_an_organisation_word_before_of_the_opens_the_name_otherwise() -> None:
    found = organisations(parse("The Council of the European Union met."))
    assert list(found) == ["Council of the European Union"]


@pytest.mark.parametrize(
    ("sentence", "name", "acronym"),
    [
        (
            "The Hindu Mahasabha and the Rashtriya Swayamsevak Sangh (RSS) condemned it.",
            "Rashtriya Swayamsevak Sangh",
            "RSS",
        ),
        (
            "The Janatha Vimukthi Peramuna (JVP) of Rohana Wijeweera rejected it.",
            "Janatha Vimukthi Peramuna",
            "JVP",
        ),
    ],
)
def test_a_name_its_acronym_spells_that_acts_or_is_led_is_an_organisation(
    sentence: str, name: str, acronym: str
) -> None:
    assert organisations(parse(sentence))[name] == [name, acronym]


def test_a_name_its_acronym_spells_with_no_body_cue_is_no_organisation() -> None:
    assert organisations(parse("A Value Added Tax (VAT) was set in May.")) == {}


def test_a_world_region_right_before_a_body_is_part_of_its_name() -> None:
    found = organisations(parse("The Caribbean Congress of Labour welcomed free movement."))
    assert list(found) == ["Caribbean Congress of Labour"]


def test_an_acronym_with_an_accented_capital_is_defined_in_brackets() -> None:
    parsed = parse(
        "Julius Raab of the Austrian People's Party (ÖVP) spoke.",
        "Adolf Schärf of the Socialist Party of Austria (SPÖ) agreed.",
        "The ÖVP said so.",
    )
    found = organisations(parsed)
    assert found["Austrian People's Party"] == ["Austrian People's Party", "ÖVP"]
    assert found["Socialist Party of Austria"] == ["Socialist Party of Austria", "SPÖ"]


def test_a_known_body_s_lowercase_form_in_brackets_is_a_mention_of_it() -> None:
    found = organisations(parse("According to Deutsche Presse-Agentur (dpa), talks went on."))
    assert found == {"Deutsche Presse-Agentur": ["Deutsche Presse-Agentur", "dpa"]}


def test_a_lowercase_word_in_brackets_after_a_body_is_no_mention() -> None:
    found = organisations(parse("The World Bank (various sources) lent more."))
    assert found == {"World Bank": ["World Bank"]}


@pytest.mark.parametrize(
    ("sentence", "name", "acronym"),
    [
        ("Herbert Czaja heads the Bund der Vertriebenen (BdV).", "Bund der Vertriebenen", "BdV"),
        (
            "The Central Única dos Trabalhadores (CUT) marched in São Paulo.",
            "Central Única dos Trabalhadores",
            "CUT",
        ),
        (
            "The Asociación Latinoamericana de Integración (ALADI) may host talks.",
            "Asociación Latinoamericana de Integración",
            "ALADI",
        ),
    ],
)
def test_a_name_joined_by_a_romance_or_german_link_its_acronym_spells_is_a_body(
    sentence: str, name: str, acronym: str
) -> None:
    assert organisations(parse(sentence))[name] == [name, acronym]


def test_a_person_s_name_with_a_particle_before_an_acronym_stays_a_person() -> None:
    parsed = parse("Pedro Sánchez de la Torre (PSDT) spoke first.")
    assert organisations(parsed) == {}
    assert "Pedro Sánchez de la Torre" in {a.name for a in parsed.actors}


def test_a_compass_word_before_a_country_after_of_belongs_to_the_body_s_name() -> None:
    found = organisations(parse("A Bank of Southern Sudan will be set up in Juba."))
    assert list(found) == ["Bank of Southern Sudan"]
    assert list(organisations(parse("The Bank of Sudan lends to Juba."))) == ["Bank of Sudan"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The Ministerie van Overzeese Gebiedsdelen sent an observer.",
            "Ministerie van Overzeese Gebiedsdelen",
        ),
        ("The Camera di Commercio di Trieste opposed the zone.", "Camera di Commercio di Trieste"),
        ("The Entidad Binacional Yacyretá will build the dam.", "Entidad Binacional Yacyretá"),
    ],
)
def test_a_ministry_chamber_or_entity_word_of_another_language_opens_a_body_s_name(
    sentence: str, name: str
) -> None:
    parsed = parse(sentence)
    assert name in organisations(parsed)
    assert not [a for a in parsed.actors if a.kind == "person"]


def test_a_name_ending_in_a_plural_organisation_word_after_and_is_a_body_of_its_own() -> None:
    bank = parse("The State Bank of Ethiopia and Ethiopian Airlines will open offices.")
    assert set(organisations(bank)) == {"State Bank of Ethiopia", "Ethiopian Airlines"}
    ministry = parse("The Ministry of Defence and Malaysia Airlines signed a lease.")
    assert set(organisations(ministry)) == {"Ministry of Defence", "Malaysia Airlines"}


def test_a_word_that_only_ends_in_s_after_and_goes_on_in_the_name() -> None:
    parsed = parse("Jane Roe, editor of New Times and Ethiopia News, lobbied.")
    assert "New Times and Ethiopia News" in organisations(parsed)


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks were led by the Ministry of External Affairs and W. T. Jayasinghe for Colombo.",
        "The Ministry of External Affairs and Ravi Shankar's staff drafted it.",
    ],
)
def test_a_person_s_initial_or_possessive_after_and_ends_a_body_s_name(sentence: str) -> None:
    assert "Ministry of External Affairs" in organisations(parse(sentence))


def test_a_newspaper_is_not_joined_to_a_person_owning_what_follows() -> None:
    parsed = parse("In Fiji, The Fiji Times and Manasseh Sogavare's government doubt it.")
    assert set(organisations(parsed)) == {"The Fiji Times"}


def test_a_title_word_after_and_inside_a_body_s_name_is_the_name_s_own() -> None:
    parsed = parse("The Transport and General Workers' Union (TGWU) called for compensation.")
    assert organisations(parsed) == {
        "Transport and General Workers' Union": ["Transport and General Workers' Union", "TGWU"]
    }


def test_an_acronym_in_brackets_reads_no_name_back_over_a_participle() -> None:
    parsed = parse(
        "Leaders signed the Caracas Declaration founding the Andean Council of Nations "
        "(Consejo Andino de Naciones, CAN) on Friday."
    )
    assert "Andean Council of Nations" in organisations(parsed)
    assert not [name for name in organisations(parsed) if "Declaration" in name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The South American Community of Nations met.", "South American Community of Nations"),
        ("The West African Payments Union met.", "West African Payments Union"),
    ],
)
def test_a_compass_word_before_a_nationality_adjective_opening_a_name_is_part_of_it(
    sentence: str, name: str
) -> None:
    assert list(organisations(parse(sentence))) == [name]


@pytest.mark.parametrize(
    ("sentence", "found", "not_found"),
    [
        # A nationality adjective before Army or Navy is part of the name (parser 1.22.0).
        ("The Chilean Army moved north.", "Chilean Army", "Army"),
        ("The Sri Lanka Navy patrolled.", "Sri Lanka Navy", "Navy"),
        # and before the Red Cross or Red Crescent, one society per state (1.22.0).
        ("The Norwegian Red Cross sent tents.", "Norwegian Red Cross", "Red Cross"),
        ("The Turkish Red Crescent sent food.", "Turkish Red Crescent", "Red Crescent"),
        # A number before a military unit's name (1.23.0).
        ("The 12th Motor Rifle Brigade stayed.", "12th Motor Rifle Brigade", "Motor Rifle Brigade"),
        # An initial after 'of' opens a person's name (1.22.0).
        ("The Northern Unity Party of K. B. Asante stayed away.", "Northern Unity Party", None),
        # 'the Alliance' (NATO) is not read inside a longer name (1.23.0).
        ("Ministers of the Alliance Party signed.", "Alliance Party", "the Alliance Party"),
    ],
)
def test_what_belongs_to_a_name_at_its_ends(
    sentence: str, found: str, not_found: str | None
) -> None:
    names = organisations(parse(sentence))
    assert found in names
    assert not_found is None or not_found not in names
    assert not any(" of K" in name for name in names)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # An acronym alone before 'and' is a name of its own (parser 1.23.0).
        ("Reports on KBS and Korea Herald said so.", {"KBS", "Korea Herald"}),
        # so is a name opened by a capital 'The' after 'and' (1.22.0).
        ("The Times and The Daily Courier called it an annexation.", {"The Daily Courier"}),
    ],
)
def test_an_acronym_or_an_article_before_and_opens_another_name(
    sentence: str, names: set[str]
) -> None:
    found = organisations(parse(sentence))
    assert names <= set(found)
    assert not any(" and " in name for name in found)


@pytest.mark.parametrize(
    ("sentence", "found", "not_found"),
    [
        # A possessive after a name's link ends the name (parser 1.24.0).
        ("The Council of State’s ruling stood.", "Council of State", "Council of State’s"),
        ("The Ministry of Defence's budget grew.", "Ministry of Defence", "Ministry of Defence's"),
        # A compass word before a country's name opening a body's name (1.24.0).
        ("The South China Evening Post reported it.", "South China Evening Post", None),
        # 'Radio' and a capital city's name (1.24.0).
        ("Radio Tirana broadcast the note.", "Radio Tirana", None),
        # A title word before 'Ministry' or 'Department' alone (1.24.0).
        ("The Justice Ministry appealed.", "Justice Ministry", None),
        # Two world regions joined by 'and' before a department (1.24.0).
        (
            "The Europe and Central Asia Department wrote.",
            "Europe and Central Asia Department",
            "Central Asia Department",
        ),
        # A titled person after a link ends the name (1.24.0).
        (
            "The Royal Air Force of Air Marshal John Slessor flew.",
            "Royal Air Force",
            "Royal Air Force of Air Marshal John",
        ),
        # A known name inside a longer one (1.24.0).
        (
            "The Standing Committee of the National Security Council met.",
            "Standing Committee of the National Security Council",
            "Standing Committee of the National",
        ),
        # A sentence's end is no part of a name before 'International' (parser 1.25.0).
        (
            "Troops of the IDF. Amnesty International protested.",
            "Amnesty International",
            "IDF. Amnesty International",
        ),
        # 'of' and the surname of a person the brief names in full: the leader (1.25.0).
        (
            "Party leader Marek Novak resigned. The Civic Party of Novak lost.",
            "Civic Party",
            "Civic Party of Novak",
        ),
        # Two or three words ending in a newspaper's word, no given name first (1.25.0).
        ("The Leeds Courier called it a peace.", "Leeds Courier", None),
        # A name opened by a movement's or a broadcaster's word, or one before a title, does
        # not go on over 'and' (1.25.0).
        ("Radio Sol and Canal 8 were shut.", "Radio Sol", "Radio Sol and Canal"),
        (
            "The Court of Appeal and Gen. Omar Diaz were named.",
            "Court of Appeal",
            "Court of Appeal and Gen",
        ),
        # Legislatures known by their national name; Indian organisation words (1.25.0).
        ("The Diet must ratify it.", "Diet", None),
        ("The Bajrang Dal marched on the mosque.", "Bajrang Dal", None),
        # The French article elided inside a name; no ', on' link (parser 1.26.0).
        (
            "The National Armed Forces of Côte d'Ivoire withdrew.",
            "National Armed Forces of Côte d'Ivoire",
            "National Armed Forces of Côte",
        ),
        ("The Sejm, on the Council's advice, waited.", "Sejm", "Sejm, on the Council"),
        # Newspapers of record are known bodies, the longer name first (1.26.0).
        ("Izvestia praised the talks.", "Izvestia", None),
        ("The Times of Israel reported it.", "The Times of Israel", "The Times"),
        # Partners' names before '& Co.' are a firm's name, which ends there (1.26.0).
        (
            "Tea shipped by Jardine, Matheson & Co. and Dent & Co. arrived.",
            "Jardine, Matheson & Co.",
            "Jardine, Matheson & Co. and Dent",
        ),
        # Organisation words of other languages; 'Voice of'; corps' words (1.27.0).
        (
            "Students of the Universidad Central de Venezuela marched.",
            "Universidad Central de Venezuela",
            None,
        ),
        (
            "The Bataafsche Petroleum Maatschappij objected.",
            "Bataafsche Petroleum Maatschappij",
            None,
        ),
        ("The Voice of Kenya reported it.", "Voice of Kenya", None),
        ("Officers of the Arab Legion refused.", "Arab Legion", None),
        ("The Pakistan Rangers patrolled the border.", "Pakistan Rangers", None),
        # Turkish organisation words; 'Pati', a party in Bislama and Tok Pisin (1.28.0).
        ("The Cumhuriyet Halk Partisi objected.", "Cumhuriyet Halk Partisi", None),
        ("The Pangu Pati walked out.", "Pangu Pati", None),
    ],
)
def test_what_rounds_twenty_three_to_seven_read_into_a_name(
    sentence: str, found: str, not_found: str | None
) -> None:
    names = organisations(parse(sentence))
    assert found in names
    assert not_found is None or not_found not in names


@pytest.mark.parametrize(
    ("sentence", "found", "not_found"),
    [
        # A masthead's own 'The' stays at a sentence's start; a body's goes (1.29.0).
        ("The Washington Post reports a secret clause.", "The Washington Post", None),
        ("The State Department denied it.", "State Department", "The State Department"),
        # A capital 'The' inside a sentence opens a paper's title; at a sentence's start
        # only before what a paper does; never a place, a demonym or a title (1.29.0).
        ("The minister told The Island that talks were over.", "The Island", None),
        (
            "Ittefaq and The Bangladesh Observer praised the accord.",
            "The Bangladesh Observer",
            None,
        ),
        ("The Gleaner says the pact is a marriage.", "The Gleaner", None),
        ("Envoys met in The Hague.", None, "The Hague"),
        ("The Americans said no.", None, "The Americans"),
        (
            "Officials and The Australian Foreign Minister agreed.",
            None,
            "Australian Foreign Minister",
        ),
        # Two whole names joined by 'and' are two; a name both sides share is one (1.29.0).
        ("Sanctions hit Bank Mellat and Bank Sepah.", "Bank Sepah", "Bank Mellat and Bank Sepah"),
        ("Oxfam and Third World Network objected.", "Third World Network", None),
        (
            "The Slovene Intelligence and Security Agency (SOVA) objected.",
            "Slovene Intelligence and Security Agency",
            "Security Agency",
        ),
        ("Sanctions hit Bank Saderat, Bank Mellat and Bank Sepah.", "Bank Saderat", None),
        # A possessive: a country's or a place's opening a longer name owns it; one ending
        # a name is not the name's; a name of one word after it is the name's own (1.29.0).
        (
            "Costa Rica's Unión Costarricense de Cámaras objected.",
            "Unión Costarricense de Cámaras",
            "Costa Rica's Unión Costarricense de Cámaras",
        ),
        (
            "The Banque Centrale du Congo's governor spoke.",
            "Banque Centrale du Congo",
            "Banque Centrale du Congo's",
        ),
        # A date before a movement's name; 'on' and a place is where a body is (1.29.0).
        ("The April 6 Youth Movement protested.", "April 6 Youth Movement", "Youth Movement"),
        (
            "Envoys met at the Ministry of Foreign Affairs on Palace Square.",
            "Ministry of Foreign Affairs",
            "Ministry of Foreign Affairs on Palace Square",
        ),
        # Spanish and Portuguese secretariats; a number before a regiment of rifles; the
        # bodies of Soviet-type states; the Seven Sisters oil companies (1.29.0).
        (
            "Mexico's Secretaría de Relaciones Exteriores agreed.",
            "Secretaría de Relaciones Exteriores",
            None,
        ),
        ("The 11th Gorkha Rifles held the pass.", "11th Gorkha Rifles", "Gorkha Rifles"),
        ("The Politburo approved the text.", "Politburo", None),
        ("The Supreme Soviet ratified it.", "Supreme Soviet", None),
        ("The Joint Chiefs of Staff objected.", "Joint Chiefs of Staff", None),
        ("British Petroleum and Gulf Oil shut the wells.", "British Petroleum", None),
    ],
)
def test_what_round_twenty_eight_reads_into_a_name(
    sentence: str, found: str | None, not_found: str | None
) -> None:
    _reads(sentence, found, not_found)


@pytest.mark.parametrize(
    ("sentence", "found", "not_found"),
    [
        # Organisation words of Polish, Estonian, Finnish and German (1.30.0).
        (
            "The Ministerstwo Spraw Zagranicznych (MSZ) confirmed it.",
            "Ministerstwo Spraw Zagranicznych",
            None,
        ),
        ("Officials of the Polska Agencja Prasowa agreed.", "Polska Agencja Prasowa", None),
        ("Eesti Pank and the Asutav Kogu met.", "Eesti Pank", None),
        ("Suomen Pankki lent the money.", "Suomen Pankki", None),
        ("The Auswärtiges Amt replied.", "Auswärtiges Amt", None),
        # One word compounded with a ministry's, a department's or a court's word (1.30.0).
        ("The Ulkoministeriö and the Utrikesdepartementet replied.", "Utrikesdepartementet", None),
        ("The Bundesverfassungsgericht ruled.", "Bundesverfassungsgericht", None),
        ("The Bundesministerium für Wirtschaft agreed.", "Bundesministerium für Wirtschaft", None),
        # Security services and armed forces known by a word (1.30.0).
        ("The Cheka arrested him.", "Cheka", None),
        ("The Reichswehr objected.", "Reichswehr", None),
        # 'Royal' before a body opened by a country's name; 'Marines' heads a name (1.30.0).
        ("The Royal New Zealand Navy will assist.", "Royal New Zealand Navy", "New Zealand Navy"),
        ("The Royal Marines landed.", "Royal Marines", None),
        # A known body's name takes 'of' and a country, not one of a list of them (1.30.1).
        ("The Supreme Soviet of Kazakhstan ratified it.", "Supreme Soviet of Kazakhstan", None),
        (
            "It backed admission to the U.N. of Cambodia, Japan and Nepal.",
            None,
            "U.N. of Cambodia",
        ),
        # A French body's word and the lowercase adjectives after it (1.31.0).
        (
            "The Assemblée nationale centrafricaine voted.",
            "Assemblée nationale centrafricaine",
            None,
        ),
        ("The Cour constitutionnelle ruled.", "Cour constitutionnelle", None),
        ("The Banque centrale du Congo said no.", "Banque centrale du Congo", None),
        ("Banco del Sur-style regional banks grew.", None, "Banco del"),
        # Its small words and the capitalised words after them, then adjectives, in turn;
        # no English adjective before a name in its own language (1.32.0).
        (
            "The Ministère des Affaires étrangères replied.",
            "Ministère des Affaires étrangères",
            None,
        ),
        ("The Banque de l'Indochine lent the money.", "Banque de l'Indochine", None),
        (
            "The Belgian Chambre des Représentants voted.",
            "Chambre des Représentants",
            "Belgian Chambre des Représentants",
        ),
    ],
)
def test_what_round_twenty_nine_reads_into_a_name(
    sentence: str, found: str | None, not_found: str | None
) -> None:
    _reads(sentence, found, not_found)


def _reads(sentence: str, found: str | None, not_found: str | None) -> None:
    """`sentence` gives the organisation `found` and not `not_found` (either may be None)."""
    names = organisations(parse(sentence))
    assert found is None or found in names, names
    assert not_found is None or not_found not in names, names


@pytest.mark.parametrize(
    ("sentences", "found", "not_found"),
    [
        # A firm named after its founder: the founder's possessive opens the name when the
        # brief names no such person (1.33.0).
        (["Reuter's Telegram Company reported the talks."], "Reuter's Telegram Company", None),
        (["Moody's Investors Service cut the rating."], "Moody's Investors Service", None),
        (["The Hudson's Bay Company traded furs."], "Hudson's Bay Company", None),
        # A person the brief names owns the name after the possessive, as before.
        (
            ["Gennady Zyuganov spoke.", "Zyuganov's Communist Party lost seats."],
            "Communist Party",
            "Zyuganov's Communist Party",
        ),
        (
            ["President Omar al-Bashir spoke.", "Bashir's National Congress Party (NCP) won."],
            "National Congress Party",
            "Bashir's National Congress Party",
        ),
        (
            ["The Treasury's Office of Foreign Assets Control acted."],
            "Office of Foreign Assets Control",
            "Treasury's Office of Foreign Assets Control",
        ),
    ],
)
def test_a_possessive_opens_a_name_unless_someone_the_brief_knows_owns_it(
    sentences: list[str], found: str | None, not_found: str | None
) -> None:
    names = organisations(parse(*sentences))
    assert found in names, names
    assert not_found is None or not_found not in names, names


def test_words_in_capitals_name_no_organisation_but_a_known_one() -> None:
    parsed = brief(
        "EGYPT AND ISRAEL SIGN PEACE TREATY ON THE WHITE HOUSE LAWN",
        LEAD,
        "Key Takeaways",
        "- Talks went on.",
        "THE OSCE MISSION:",
        "- Monitors of the OSCE stayed.",
    )
    assert list(organisations(parsed)) == ["OSCE"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The AFL-CIO backed the bill.", "AFL-CIO"),
        ("ITAR-TASS reported the talks.", "ITAR-TASS"),
        ("The EU-UK talks ended.", None),
    ],
)
def test_acronyms_joined_by_a_hyphen_name_one_body(sentence: str, found: str | None) -> None:
    names = organisations(parse(sentence))
    assert list(names) == ([found] if found else []), names


def test_joined_acronyms_in_a_line_of_capitals_or_after_a_defined_one_are_none() -> None:
    parsed = brief(
        LEAD,
        "Key Takeaways",
        "- The Revolutionary Armed Forces of Colombia (FARC) agreed; the FARC-EP disarmed.",
        "COUNTER-TERRORISM WORK",
        "- Talks went on.",
    )
    assert list(organisations(parsed)) == ["Revolutionary Armed Forces of Colombia"]


@pytest.mark.parametrize(
    ("sentence", "found", "not_found"),
    [
        # A longer French reading replaces the run reader's shorter one from the same word,
        # and '-ant(e)' adjectives are read (1.33.0).
        (
            "The Institut de Droit international studied it.",
            "Institut de Droit international",
            "Institut de Droit",
        ),
        (
            "The Assemblée nationale constituante sat.",
            "Assemblée nationale constituante",
            "Assemblée nationale",
        ),
        ("The Académie de Genève hosted them.", "Académie de Genève", None),
        ("The Département militaire fédéral agreed.", "Département militaire fédéral", None),
        # The Commonwealth and the Admiralty after 'the', alone; the historical agencies.
        ("The Commonwealth suspended Fiji.", "Commonwealth", None),
        ("The Admiralty sent two cruisers.", "Admiralty", None),
        ("The Commonwealth Secretariat agreed.", "Commonwealth Secretariat", "Commonwealth"),
        ("Agence Havas and United Press reported it.", "Agence Havas", "Havas"),
        ("Agence Havas and United Press reported it.", "United Press", None),
    ],
)
def test_what_round_thirty_two_reads_into_a_name(
    sentence: str, found: str | None, not_found: str | None
) -> None:
    _reads(sentence, found, not_found)


def test_british_and_commonwealth_troops_name_no_body() -> None:
    assert organisations(parse("British and Commonwealth troops held the border.")) == {}


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # A body's word written first after another word, with a particle, names no person;
        # the Italian, Dutch and Indonesian words of a senate, a corps, a chamber, a church.
        ("The Grand Conseil de Genève voted.", "Grand Conseil de Genève"),
        ("The Tweede Kamer der Staten-Generaal voted.", "Tweede Kamer der Staten-Generaal"),
        ("The Senato del Regno voted.", "Senato del Regno"),
        (
            "The Gereja Kristen Injili di Tanah Papua objected.",
            "Gereja Kristen Injili di Tanah Papua",
        ),
    ],
)
def test_a_body_written_first_with_a_particle_is_no_person(sentence: str, found: str) -> None:
    parsed = parse(sentence)
    assert found in organisations(parsed)
    assert not [a for a in parsed.actors if a.kind == "person"]


def test_a_given_name_before_a_body_word_keeps_a_person() -> None:
    parsed = parse("French minister Guy La Chambre signed.")
    assert "Guy La Chambre" in {a.name for a in parsed.actors if a.kind == "person"}


@pytest.mark.parametrize(
    ("sentence", "found", "not_found"),
    [
        # Every body's word written first reads over its small words, the Italian 'dei',
        # 'degli' and the elided "d'" too, and over 'e', 'y', 'et' and capitalised words
        # (1.34.0).
        ("The Banco do Brasil lent money.", "Banco do Brasil", "Banco"),
        ("The Banca d'Italia lent money.", "Banca d'Italia", None),
        ("The Camera dei Deputati voted.", "Camera dei Deputati", None),
        ("The Ministero degli Affari Esteri replied.", "Ministero degli Affari Esteri", None),
        (
            "The Ministerio de Minas e Hidrocarburos agreed.",
            "Ministerio de Minas e Hidrocarburos",
            "Ministerio de Minas",
        ),
    ],
)
def test_what_round_thirty_three_reads_into_a_name(
    sentence: str, found: str | None, not_found: str | None
) -> None:
    _reads(sentence, found, not_found)


def test_a_name_starts_after_a_heading_in_capitals_not_on_it() -> None:
    parsed = brief(LEAD, "THE PLANTATIONS", "The Deli Maatschappij lost its estates.")
    assert list(organisations(parsed)) == ["Deli Maatschappij"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # Words read as a person after a body's first word are part of its name; the South
        # Slavic 'Skupština' opens an assembly's name (1.35.0).
        ("The Comité d'Études du Haut-Congo financed it.", "Comité d'Études du Haut-Congo"),
        ("The Skupština Republike Crne Gore voted.", "Skupština Republike Crne Gore"),
        # The parliament, senate, council, diocese, brotherhood, gazette and ministry words of
        # Spanish, Portuguese, Italian, Persian and Indonesian open a body's name (1.36.0).
        ("The Parlamento Nacional ratified it.", "Parlamento Nacional"),
        ("The Cabildo de Montevideo objected.", "Cabildo de Montevideo"),
        ("The Diocese de Díli welcomed it.", "Diocese de Díli"),
        ("The Majles-e Showra-ye Melli ratified it.", "Majles-e Showra-ye Melli"),
        # 'et la', German 'und', 'zur', French 'au' go on in a head-first name (1.37.0).
        (
            "Observers from the Parti du Peuple pour la Reconstruction et la Démocratie came.",
            "Parti du Peuple pour la Reconstruction et la Démocratie",
        ),
        (
            "The Bundesministerium für Gesundheit und Soziale Sicherung said so.",
            "Bundesministerium für Gesundheit und Soziale Sicherung",
        ),
        ("Delegates of the Église du Christ au Congo watched.", "Église du Christ au Congo"),
        # An adjective written before the body's word opens its name; 'Autorité' and
        # 'Cercle' are such words (1.37.0).
        ("The Haute Autorité des Médias had warned the radio.", "Haute Autorité des Médias"),
        ("The Grand Conseil de Genève voted.", "Grand Conseil de Genève"),
        ("The Cercle de la Librairie protested.", "Cercle de la Librairie"),
        # An industry's word ends a firm's name (1.37.0).
        ("Buyers turned to Shin-Etsu Chemical for resist.", "Shin-Etsu Chemical"),
        ("The Canadian Pacific Railway carried the grain.", "Canadian Pacific Railway"),
        # A head-first name takes a country after its 'de' or 'do'; 'Plataforma', 'Armada',
        # 'Congregation' are body words; a website or an outlet is an organisation (1.38.0).
        ("The Partido Comunista de Chile sent envoys.", "Partido Comunista de Chile"),
        (
            "The Partido Socialista Unido de Venezuela sent envoys.",
            "Partido Socialista Unido de Venezuela",
        ),
        ("The Plataforma Unitaria de Venezuela signed.", "Plataforma Unitaria de Venezuela"),
        ("Ships of the Armada de Chile blockaded Callao.", "Armada de Chile"),
        ("The Yemeni Congregation for Reform objected.", "Yemeni Congregation for Reform"),
        ("The independent site Efecto Cocuyo stressed the gaps.", "Efecto Cocuyo"),
        # The association, foundation, police, air force, navy, party and ministry words of
        # Spanish, Portuguese, Italian and Romanian open a body's name; 'Endowment' is a
        # body's word (1.39.0).
        (
            "The Asociación Nacional de Comercio Exterior welcomed it.",
            "Asociación Nacional de Comercio Exterior",
        ),
        ("Ships of the Regia Marina joined.", "Regia Marina"),
        ("The Partidul Conservator claims the gain.", "Partidul Conservator"),
        ("Jets of the Fuerza Aérea de Chile flew over.", "Fuerza Aérea de Chile"),
        ("The Polícia Federal arrested him.", "Polícia Federal"),
        ("The Croce Rossa Italiana sent nurses.", "Croce Rossa Italiana"),
        (
            "The Carnegie Endowment for International Peace sent a commission.",
            "Carnegie Endowment for International Peace",
        ),
        # Firm words ending a name, newspaper words opening one (1.40.0).
        ("Suárez Hermanos held the rubber trade.", "Suárez Hermanos"),
        ("Loans from Baring Brothers came late.", "Baring Brothers"),
        ("The Bolivian Syndicate leased the Acre.", "Bolivian Syndicate"),
        ("The Correio da Manhã attacked it.", "Correio da Manhã"),
        ("The Journal des débats warned.", "Journal des débats"),
        # A German company's word compounded or after a hyphen, a German adjective before it
        # (1.41.0).
        ("The Deutsche Kolonialgesellschaft lobbied for it.", "Deutsche Kolonialgesellschaft"),
        ("The Disconto-Gesellschaft financed the railway.", "Disconto-Gesellschaft"),
        (
            "The Deutsch-Ostafrikanische Gesellschaft ceded its claims.",
            "Deutsch-Ostafrikanische Gesellschaft",
        ),
    ],
)
def test_what_rounds_thirty_four_to_forty_read_into_a_name(sentence: str, found: str) -> None:
    parsed = parse(sentence)
    assert list(organisations(parsed)) == [found]
    assert not [a for a in parsed.actors if a.kind == "person"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # French writes a body's name on over its small words and a lowercase noun (1.35.0).
        ("The Chambre des députés voted.", "Chambre des députés"),
        ("The Chambre de commerce de Bordeaux objected.", "Chambre de commerce de Bordeaux"),
        (
            "The Comité international de secours aux militaires blessés met.",
            "Comité international de secours aux militaires blessés",
        ),
        ("The Cour de cassation ruled on the case.", "Cour de cassation"),
    ],
)
def test_a_french_name_reads_over_a_small_word_and_a_lowercase_noun(
    sentence: str, found: str
) -> None:
    assert list(organisations(parse(sentence))) == [found]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("Envoys of the Ministry of Foreign\nAffairs met.", "Ministry of Foreign Affairs"),
        ("Envoys met the UN\nSecurity Council on Monday.", "UN Security Council"),
    ],
)
def test_a_name_wrapped_over_two_lines_of_prose_stays_whole(source: str, name: str) -> None:
    start = source.index(name.split()[0])
    end = start + len(name)  # the line break stands where the name has a space
    mention = Mention(ActorKind.organization, start, end, name, name)
    assert _after_a_heading(source, mention) == mention


def test_a_firm_ending_in_a_plural_in_ies_ends_before_and() -> None:
    parsed = parse("Daikin Industries and Chemours told a side event that blends work.")
    assert list(organisations(parsed)) == ["Daikin Industries", "Chemours"]


def test_a_newspaper_named_over_and_stays_whole() -> None:
    parsed = parse("The New Times and Ethiopia News printed it.")
    assert list(organisations(parsed)) == ["New Times and Ethiopia News"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # 'of' two lands joined by 'and' is one name (1.42.0).
        (
            "The Royal Numismatic Society of Great Britain and Ireland objected.",
            "Royal Numismatic Society of Great Britain and Ireland",
        ),
        (
            "The Geological Survey of Sweden and Finland mapped it.",
            "Geological Survey of Sweden and Finland",
        ),
    ],
)
def test_a_name_of_two_lands_is_read_over_and(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


def test_a_third_land_after_and_is_no_part_of_the_name() -> None:
    found = organisations(
        parse("The Federation of Bosnia and Herzegovina and Republika Srpska agreed.")
    )
    assert not any(name.endswith("Republika Srpska") for name in found)


@pytest.mark.parametrize(
    ("sentences", "name", "aliases"),
    [
        # An acronym its words spell, and a kind of body after it, with no organisation word
        # in the name (1.42.0).
        (
            ("Anote Rimon, of the Tobwaan Te Mauri (TTM) party, won.", "The TTM objected."),
            "Tobwaan Te Mauri",
            ["Tobwaan Te Mauri", "TTM"],
        ),
        (
            ("Leaders of the Unión Cívica Opositora (UCO), the umbrella group, met.",),
            "Unión Cívica Opositora",
            ["Unión Cívica Opositora", "UCO"],
        ),
    ],
)
def test_an_acronym_and_a_kind_of_body_after_it_make_a_name_a_body(
    sentences: tuple[str, ...], name: str, aliases: list[str]
) -> None:
    assert organisations(parse(*sentences)) == {name: aliases}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # What people are members, leaders or units of is a body (1.42.0).
        ("Members of the Boeren Bond at the Cape are said to object.", "Boeren Bond"),
        ("Units of the Aden Levies may guard the port.", "Aden Levies"),
        ("Members of the Order of Friars Minor came.", "Order of Friars Minor"),
        ("Members of the Sociedad Científica de Lima wrote.", "Sociedad Científica de Lima"),
    ],
)
def test_what_members_belong_to_is_a_body(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


def test_what_members_belong_to_is_a_body_also_written_in_lowercase() -> None:
    """'holding members of the Melanesian Brotherhood hostage' (1.44.0: read wherever
    'members of the' is written, not only where a capitalised 'Members' is too); never a
    thing named with a works word after it ('the Nord Stream and South Stream pipelines')."""
    found = organisations(parse("The front denies holding members of the Harbour Brotherhood."))
    assert "Harbour Brotherhood" in found
    found = organisations(
        parse("It helped supporters of the Baltic Line and Polar Line pipelines.")
    )
    assert found == {}


def test_members_of_a_place_or_a_body_cut_short_are_no_body() -> None:
    assert organisations(parse("Members of the Pacific family met in Fiji.")) == {}
    found = organisations(parse("Leaders of the Hukbo ng Bayan sa mga Hapon marched."))
    assert "Hukbo" not in found
    assert "Hukbo ng Bayan" not in found


def test_a_translation_in_brackets_is_the_same_body() -> None:
    """'Partido Liberal (Liberal Party)' (1.42.0): one body, under the name written first."""
    found = organisations(
        parse(
            "The Partido Liberal Radical (Radical Liberal Party) backed the deal.",
            "The Hizb al-Wasat (Centre Party) objected.",
        )
    )
    assert found == {
        "Partido Liberal Radical": ["Partido Liberal Radical", "Radical Liberal Party"],
        "Hizb al-Wasat": ["Hizb al-Wasat", "Centre Party"],
    }


@pytest.mark.parametrize(
    ("sentences", "name"),
    [
        # The intelligence services the press names by acronym alone (1.43.0).
        (("Officials said the CIA had reviewed the plan.",), "CIA"),
        (("The FBI and the memorandum were cited.",), "FBI"),
        # The European Economic Community, a predecessor of the EU (1.43.0).
        (("Ministers of the EEC met in Luxembourg.",), "EEC"),
    ],
)
def test_well_known_acronyms_alone_are_bodies(sentences: tuple[str, ...], name: str) -> None:
    assert name in organisations(parse(*sentences))


def test_a_list_after_a_comma_is_no_part_of_a_name() -> None:
    """'Toyota Motor Corporation, Panasonic and other exporters' (1.43.0): two names; a name
    still reads over a comma into capitalised words after 'and'."""
    found = organisations(
        parse("Shares of Nissan Motor Corporation, Panasonic and other firms fell.")
    )
    assert "Nissan Motor Corporation" in found
    assert "Panasonic" in found
    assert not any("," in name for name in found)
    found = organisations(parse("The Ministry of Foreign Affairs, Trade and Development replied."))
    assert "Ministry of Foreign Affairs, Trade and Development" in found


def test_an_acronym_spells_an_arabic_article_and_stops_at_a_clause() -> None:
    """'al-Qaeda in the Islamic Maghreb (AQIM)': the article's letter is the acronym's first
    (1.43.0); the words an acronym spells never reach back over a comma before a lowercase
    word ('..., and took in members of the Islamic Movement of Azawad (MIA)')."""
    found = organisations(
        parse(
            "Fighters of Ansar Dine, al-Qaeda in the Sahel Region (AQSR) and others held the town.",
            "Mohamed Ag Rhissa, a brother of Algabass Ag Rhissa, took in members of the "
            "Islamic Front of Azawad (MIA), which broke away.",
        )
    )
    assert found["al-Qaeda in the Sahel Region"] == ["al-Qaeda in the Sahel Region", "AQSR"]
    assert "Islamic Front of Azawad" in found
    assert not any(name.startswith(("Ansar Dine,", "took", "Mohamed")) for name in found)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # A party's faction letter in brackets, a task force's number (1.43.0).
        ("He leads the Bangladesh Awami League (H) in the Senate.", "Bangladesh Awami League (H)"),
        ("Gen. Ana Vell commands Joint Task Force 180 (JTF-180).", "Joint Task Force 180"),
        ("The Combined Task Force 150 patrols the gulf.", "Combined Task Force 150"),
    ],
)
def test_a_faction_letter_and_a_task_force_number_end_a_name(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # 'Heads of State and Government' is one collocation inside a body's name (1.44.0).
        (
            "The Authority of Heads of State and Government met in Abuja.",
            "Authority of Heads of State and Government",
        ),
        # A number before a unit's name, 'Group' among the unit words (1.44.0).
        ("Airmen of the 417th Air Transport Group left.", "417th Air Transport Group"),
        # 'Division' is a body's word (1.44.0).
        ("Paratroopers of the 83rd Airborne Division landed.", "83rd Airborne Division"),
        # A known name ending in a number, opened by a country's name (1.44.0).
        ("France 24 reported the coup first.", "France 24"),
    ],
)
def test_collocations_units_and_numbered_names(sentence: str, name: str) -> None:
    assert name in organisations(parse(sentence))


def test_a_public_work_defined_by_an_acronym_is_no_body() -> None:
    """'Grand Ethiopian Renaissance Dam (GERD)' (1.44.0): a dam, a pipeline or a canal, as a
    territory, is no organisation even where an acronym defines it."""
    found = organisations(
        parse(
            "Egypt fears the Great Lakes Renaissance Dam (GLRD) will cut its water.",
            "The Trans-Sahara Gas Pipeline (TSGP) is years away.",
        )
    )
    assert found == {}
