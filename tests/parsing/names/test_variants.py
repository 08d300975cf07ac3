from __future__ import annotations

import pytest

from app.parsing.names.variants import PersonName, same_person, skeleton, variant_key

RU, UA, SA, US = "RU", "UA", "SA", "US"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (PersonName("Kim Jong Un"), PersonName("Kim Jong-un")),
        (PersonName("Viktor Orbán"), PersonName("VIKTOR ORBAN")),
        (PersonName("Sergei Lavrov", "Foreign Minister", RU), PersonName("Sergey Lavrov")),
        (PersonName("Volodymyr Zelensky"), PersonName("Volodymyr Zelenskyy", "President", UA)),
        (PersonName("Volodymyr Zelenskiy"), PersonName("Volodymyr Zelenskyy")),
        (PersonName("Mohammed bin Salman", "Crown Prince", SA), PersonName("Muhammad bin Salman")),
        (PersonName("Recep Tayyip Erdoğan"), PersonName("Recep Tayyip Erdogan")),
        (PersonName("Vassily Nebenzia", "Ambassador", RU), PersonName("Vasily Nebenzya", None, RU)),
        (PersonName("Moussa Faki Mahamat"), PersonName("Musa Faki Mahamat")),
        # Weaker matches, with the country or title in support.
        (
            PersonName("Steven Mnuchin", "Treasury Secretary"),
            PersonName("Steve Mnuchin", "Secretary"),
        ),
        (PersonName("Rafael Mariano Grossi", None, "AR"), PersonName("Rafael Grossi", None, "AR")),
        (PersonName("J. Smith", "Senator", US), PersonName("John Smith", None, US)),
        (
            PersonName("Vladimir Zelensky", "President"),
            PersonName("Volodymyr Zelenskyy", "President"),
        ),
        # Parser 1.7.0: letters spelled out, apostrophes, a glued article, a suffix.
        (PersonName("Rüdiger Wolfrum"), PersonName("Ruediger Wolfrum")),
        (PersonName("Dimitar Kovačevski"), PersonName("Dimitar Kovachevski")),
        (PersonName("Franjo Tuđman"), PersonName("Franjo Tudjman")),
        (PersonName("Ebrahim Raisi"), PersonName("Ebrahim Raeisi")),
        (PersonName("Ali Khamenei"), PersonName("Ali Khamene’i")),
        (PersonName("Mohamed ElBaradei"), PersonName("Mohamed El Baradei")),
        (PersonName("Joe Biden", "President", US), PersonName("Joseph R. Biden Jr.", None, US)),
        # Loose surnames and Korean romanisations, with the country in support.
        (PersonName("Muammar Gaddafi", None, "LY"), PersonName("Muammar Qaddafi", None, "LY")),
        (
            PersonName("Mohamed Hamdan Dagalo", None, "SD"),
            PersonName("Mohamed Hamdan Daglo", None, "SD"),
        ),
        (PersonName("Isaias Afwerki", None, "ER"), PersonName("Isayas Afewerki", None, "ER")),
        (PersonName("Kim Gye-gwan", None, "KP"), PersonName("Kim Kye Gwan", None, "KP")),
        (PersonName("Nikos Kotzias", None, "GR"), PersonName("Nikolaos Kotzias", None, "GR")),
        (
            PersonName("Nicos Anastasiades", None, "CY"),
            PersonName("Nikos Anastasiadis", None, "CY"),
        ),
    ],
)
def test_spellings_of_one_person_are_one_person(a: PersonName, b: PersonName) -> None:
    assert same_person(a, b)
    assert same_person(b, a)
    assert variant_key(a.name) == variant_key(b.name)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (PersonName("Kim Jong Un"), PersonName("Kim Yo Jong")),
        (PersonName("Kim Jong Un"), PersonName("Kim Jong Il")),
        (PersonName("Kim Jong Un"), PersonName("Kim Un")),  # family-first: no middle dropped
        (
            PersonName("George W. Bush", "President", US),
            PersonName("George H. W. Bush", "President", US),
        ),
        (PersonName("Ivanov Igor"), PersonName("Sergei Ivanov")),
        (PersonName("Igor Ivanov"), PersonName("Sergei Ivanov")),
        (PersonName("Sergei Ivanov"), PersonName("Sergei Ivanova")),
        (PersonName("Wang Yi"), PersonName("Wang Ye")),
        (PersonName("Li Qiang"), PersonName("Li Keqiang")),
        (PersonName("Abdulaziz bin Salman"), PersonName("Mohammed bin Salman")),
        (PersonName("Donald Trump"), PersonName("Donald Tusk")),
        (PersonName("Sergei Lavrov"), PersonName("Sergio Lavrov")),
        # One spelling, two countries: two people.
        (PersonName("Sergei Lavrov", None, RU), PersonName("Sergey Lavrov", None, UA)),
        # A bare surname names many people.
        (PersonName("Lavrov"), PersonName("Sergei Lavrov")),
        # A loose surname needs a given name of one form, and keeps a final vowel.
        (PersonName("Gary Kedem"), PersonName("Cary Kadam")),
        (PersonName("Maria Zakharova"), PersonName("Mario Zakharov")),
        (PersonName("Hun Sen"), PersonName("Hun Sun")),
    ],
)
def test_different_people_are_kept_apart(a: PersonName, b: PersonName) -> None:
    assert not same_person(a, b, same_brief=True)
    assert not same_person(b, a, same_brief=True)


def test_a_weak_match_needs_support_from_the_brief_the_country_or_the_title() -> None:
    steven, steve = PersonName("Steven Mnuchin"), PersonName("Steve Mnuchin")
    assert not same_person(steven, steve)
    assert same_person(steven, steve, same_brief=True)
    assert same_person(steven._replace(country=US), steve._replace(country=US))
    assert not same_person(PersonName("Rafael Mariano Grossi"), PersonName("Rafael Grossi"))
    # A loose surname is a weak match: alone, across briefs, it is not enough.
    assert not same_person(PersonName("Muammar Gaddafi"), PersonName("Muammar Qaddafi"))
    assert same_person(
        PersonName("Muammar Gaddafi"), PersonName("Muammar Qaddafi"), same_brief=True
    )


def test_skeleton_takes_out_romanisation_differences_only() -> None:
    assert skeleton("zelenskyy") == skeleton("zelenskiy") == skeleton("zelensky")
    assert skeleton("mohammed") == skeleton("muhammad") == skeleton("mohammad")
    assert skeleton("ivanov") != skeleton("ivanova")
    assert skeleton("sen") != skeleton("sun")  # short words keep their vowels
    assert skeleton("raeisi") == skeleton("raisi")  # doubled after the vowels are one
    assert variant_key("Sergei Lavrov") == "lvrv s"  # the surname's consonants
    assert variant_key("Lavrov") is None


def test_a_name_lengthened_at_its_end_is_one_person_only_within_a_brief() -> None:
    abiy, full = PersonName("Abiy Ahmed"), PersonName("Abiy Ahmed Ali")
    assert same_person(abiy, full, same_brief=True)
    assert not same_person(abiy, full)
    hamad = PersonName("Hamad bin Jassim bin Jaber Al Thani")
    assert same_person(PersonName("Hamad bin Jassim"), hamad, same_brief=True)
    # Not in a family-first name, nor with two countries.
    assert not same_person(PersonName("Kim Jong"), PersonName("Kim Jong Un"), same_brief=True)
    assert not same_person(
        abiy._replace(country="ET"), full._replace(country="ER"), same_brief=True
    )


def test_a_generational_numeral_is_left_out_of_the_comparison() -> None:
    full, short = PersonName("James A. Baker III"), PersonName("James Baker")
    assert same_person(full, short, same_brief=True)
    assert variant_key("James A. Baker III") == variant_key("James Baker")


def test_a_final_h_after_a_vowel_is_a_weak_given_name_match() -> None:
    a, b = PersonName("Abdalla Hamdok"), PersonName("Abdullah Hamdok")
    assert same_person(a, b, same_brief=True)
    assert not same_person(a, b)  # across briefs, a weak match needs support


def test_the_arabic_qaf_as_q_or_k_is_a_weak_given_name_match() -> None:
    a, b = PersonName("Zulfikar Ali Bhutto"), PersonName("Zulfiqar Ali Bhutto")
    assert same_person(a, b, same_brief=True)
    assert not same_person(a, b)  # across briefs, a weak match needs support
    assert not same_person(PersonName("Zulfiqar Bhutto"), PersonName("Benazir Bhutto"))


def test_one_name_in_both_orders_or_lengthened_at_both_ends_is_one_person_in_a_brief() -> None:
    assert same_person(PersonName("Sze-yuen Chung"), PersonName("Chung Sze-yuen"), same_brief=True)
    assert not same_person(PersonName("Sze-yuen Chung"), PersonName("Chung Sze-yuen"))
    short, full = PersonName("Vinicio Cerezo"), PersonName("Marco Vinicio Cerezo Arévalo")
    assert same_person(short, full, same_brief=True)
    assert not same_person(short, full)
    assert not same_person(PersonName("Jong Un"), PersonName("Kim Jong Un Park"), same_brief=True)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Vasco Rocha Vieira", "Vasco Joaquim Rocha Vieira"),
        ("Jorge Glas", "Jorge David Glas Espinel"),
    ],
)
def test_names_added_after_the_first_word_are_one_person_in_a_brief(short: str, full: str) -> None:
    """A second given name, a second family name after the first (1.41.0); not an initial
    added: 'George H. W. Bush' is not 'George W. Bush'."""
    assert same_person(PersonName(short), PersonName(full), same_brief=True)
    assert not same_person(PersonName(short), PersonName(full))
    bush, father = PersonName("George W. Bush"), PersonName("George H. W. Bush")
    assert not same_person(bush, father, same_brief=True)


def test_an_initial_and_a_middle_name_left_out_are_too_little_for_one_person() -> None:
    assert not same_person(PersonName("P. W. Botha"), PersonName("Pik Botha"), same_brief=True)
    assert same_person(
        PersonName("R. F. Botha"), PersonName("Roelof Frederik Botha"), same_brief=True
    )


def test_two_generational_suffixes_that_differ_are_two_people() -> None:
    jr, sr = PersonName("Henry Morgenthau Jr."), PersonName("Henry Morgenthau Sr.")
    assert not same_person(jr, sr, same_brief=True)
    assert same_person(jr, PersonName("Henry Morgenthau"), same_brief=True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gamal Abdel Nasser", "Gamal Abd al-Nasser"),
        ("Abdelsalam al-Majali", "Abdul Salam Majali"),
        # The article turned to the sun letter after it (1.38.0).
        ("Abdur Rahman Khan", "Abd al-Rahman Khan"),
        ("Abdurrahman Wahid", "Abdul Rahman Wahid"),
    ],
)
def test_the_written_forms_of_abd_al_are_one(a: str, b: str) -> None:
    assert same_person(PersonName(a), PersonName(b), same_brief=True)
    assert not same_person(PersonName("Abdullah Gul"), PersonName("Abd Gul"), same_brief=True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (PersonName("Michael Kantor", "Trade Representative", US), PersonName("Mickey Kantor")),
        (PersonName("Bartholomew Ulufa'alu", "Prime Minister"), PersonName("Bart Ulufa'alu")),
        (PersonName("Yasser Arafat", "Chairman"), PersonName("Yasir Arafat")),
        # The Russian and Ukrainian forms of one given name (parser 1.24.0).
        (PersonName("Pavel Korotich", "Deputy"), PersonName("Pavlo Korotich")),
        (PersonName("Gennady Oliynyk"), PersonName("Hennadiy Oliynyk")),
        (PersonName("Olga Kvitka"), PersonName("Olha Kvitka")),
    ],
)
def test_short_forms_and_transliterations_of_a_given_name_round_thirteen(
    a: PersonName, b: PersonName
) -> None:
    assert same_person(a, b, same_brief=True)  # a weak match: the brief supports it


def test_initials_written_together_are_the_initials_they_are() -> None:
    joined, spaced = PersonName("J.R. Jayawardene"), PersonName("J. R. Jayewardene")
    assert same_person(joined, spaced, same_brief=True)
    assert variant_key("J.R. Jayawardene") == variant_key("J. R. Jayewardene")
    assert not same_person(PersonName("J.R. Smith"), PersonName("J. P. Smith"), same_brief=True)


def test_the_h_of_an_indian_aspirate_is_a_weak_surname_match() -> None:
    one, other = PersonName("Velupillai Prabhakaran"), PersonName("Velupillai Prabakaran")
    assert same_person(one, other, same_brief=True)
    assert not same_person(one, other)  # weak: no support across briefs without a title
    # the given name must be one form beside a weak surname
    assert not same_person(
        PersonName("Ravi Prabhakaran"), PersonName("Rani Prabakaran"), same_brief=True
    )
    # the stored key is unchanged: the two keys differ as they did before
    assert variant_key("Velupillai Prabhakaran") != variant_key("Velupillai Prabakaran")


def test_young_for_yong_in_a_korean_name_is_a_weak_match() -> None:
    one, other = PersonName("Kim Yong-ju"), PersonName("Kim Young-joo")
    assert same_person(one, other, same_brief=True)
    assert not same_person(PersonName("Kim Jong-un"), PersonName("Kim Jung-un"), same_brief=True)
    assert variant_key("Kim Yong-ju") == variant_key("Kim Young-joo")  # the stored key as before


def test_an_inner_vowel_written_e_or_i_is_a_weak_given_name_match() -> None:
    hafez, hafiz = PersonName("Hafez al-Assad"), PersonName("Hafiz al-Asad")
    assert same_person(hafez, hafiz, same_brief=True)
    assert not same_person(hafez, hafiz)  # across briefs it needs support
    assert not same_person(PersonName("Hafez Assad"), PersonName("Hafizi Assad"), same_brief=True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (PersonName("Ali Osman Taha", "First Vice-President"), PersonName("Ali Uthman Taha")),
        (PersonName("Omar al-Bashir", "President"), PersonName("Umar al-Bashir")),
    ],
)
def test_the_arabic_transliterations_of_omar_and_osman_are_one_given_name(
    a: PersonName, b: PersonName
) -> None:
    assert same_person(a, b, same_brief=True)
    assert not same_person(PersonName("Omar Taha"), PersonName("Osman Taha"), same_brief=True)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Adolf Joffe", "Adolf Ioffe"),
        ("Oswaldo Aranha", "Osvaldo Aranha"),
        ("Julio Tobar Donoso", "Julio Tovar Donoso"),
        ("Krzysztof Skubiszewski", "Krzysztof Skubischewski"),
        ("Thoriq Ibrahim", "Thoriq Ebrahim"),
        ("Emomali Rakhmonov", "Imomali Rakhmonov"),
        ("Sadyr Japarov", "Sadyr Zhaparov"),
        ("Ivan Fichev", "Ivan Fitchev"),
    ],
)
def test_consonants_written_two_ways_are_one_person_in_a_brief(first: str, second: str) -> None:
    """`w`/`v`, `b`/`v`, `sch`/`sz` and an opening `j`/`i` (parser 1.30.0), an opening
    `e`/`i` or `u`/`o` (1.37.0), an opening `zh`/`j` (1.38.0), `tch`/`ch` (1.39.0): a weaker
    match, one person in a brief, not across briefs without a country or a title in
    support."""
    a, b = PersonName(first), PersonName(second)
    assert same_person(a, b, same_brief=True)
    assert not same_person(a, b)
    assert same_person(PersonName(first, country="PL"), PersonName(second, country="PL"))


def test_a_consonant_written_two_ways_in_a_short_word_is_no_match() -> None:
    """Below five letters a letter is the name's: 'Jan Smith' is not 'Ian Smith'."""
    assert not same_person(PersonName("Jan Smith"), PersonName("Ian Smith"), same_brief=True)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # The Dutch-era spelling of Indonesian names and the reformed one (1.46.0).
        ("Sutan Sjahrir", "Sutan Syahrir"),
        ("Sajoeti Melik", "Sayuti Melik"),
        ("Achmad Soebardjo", "Ahmad Subardjo"),
        ("Hassan Wirajuda", "Hassan Wirayuda"),
        ("Tjipto Mangoenkoesoemo", "Cipto Mangunkusumo"),
    ],
)
def test_the_dutch_era_spelling_of_a_name_is_one_person_in_a_brief(old: str, new: str) -> None:
    assert same_person(PersonName(old), PersonName(new), same_brief=True)


def test_the_dutch_era_spelling_does_not_join_other_names() -> None:
    # A 'j' opening a name or after a consonant stays itself.
    assert not same_person(PersonName("Jan Berg"), PersonName("Yan Berg"), same_brief=True)
    assert not same_person(PersonName("Anja Kolar"), PersonName("Anya Kolar"), same_brief=False)
