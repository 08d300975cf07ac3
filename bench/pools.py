"""Fictional but realistic actors, places and topics for the benchmark brief generator.

People are built combinatorially from given and family names per country, so the pool is
large (about 150 people) yet fixed: the same names come out on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product


@dataclass(frozen=True)
class Country:
    name: str
    adjective: str
    capital: str
    seat: str
    article: bool = False

    @property
    def in_text(self) -> str:
        return f"the {self.name}" if self.article else self.name


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    title: str
    country: Country

    @property
    def introduced(self) -> str:
        """First mention, e.g. 'French Foreign Minister Élodie Lefèvre'."""
        return f"{self.country.adjective} {self.title} {self.name}"

    @property
    def role(self) -> str:
        """Attribution role: an office ('Foreign Minister of France') or a body."""
        if self.title.endswith("spokesperson"):
            return f"{self.country.adjective} Foreign Ministry"
        return f"{self.title} of {self.country.in_text}"


@dataclass(frozen=True)
class Topic:
    slug: str
    headline: str
    subject: str
    measure: str


@dataclass(frozen=True)
class Culture:
    country: Country
    given: tuple[str, ...]
    family: tuple[str, ...]
    family_first: bool = False
    head: str = "President"


TITLES = (
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "National Security Adviser",
    "Trade Minister",
    "Deputy Foreign Minister",
    "Energy Minister",
    "Foreign Ministry spokesperson",
    "chief negotiator",
)

_C = Country
CULTURES = (
    Culture(
        _C("France", "French", "Paris", "the Élysée"),
        ("Élodie", "Jean-Luc", "Hélène", "Aurélien", "Margaux", "Benoît"),
        ("Lefèvre", "de Villiers", "Girard", "Chevalier", "Mercier", "Fontaine"),
    ),
    Culture(
        _C("Germany", "German", "Berlin", "the Chancellery"),
        ("Jürgen", "Annalena", "Matthias", "Käthe", "Jörg", "Friederike"),
        ("Müller", "von Arnim", "Schäfer", "Weiß", "Krüger", "Vogt"),
    ),
    Culture(
        _C("Brazil", "Brazilian", "Brasília", "the Planalto"),
        ("João", "Luíza", "Antônio", "Beatriz", "Sérgio", "Fernanda"),
        ("da Silva", "dos Santos", "Gonçalves", "de Oliveira", "Araújo", "Magalhães"),
    ),
    Culture(
        _C("Türkiye", "Turkish", "Ankara", "the presidential complex in Ankara"),
        ("Ayşe", "Mehmet", "Çağla", "Emre", "Gökhan", "Şule"),
        ("Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Kılıç"),
    ),
    Culture(
        _C("South Korea", "South Korean", "Seoul", "the presidential office in Seoul"),
        ("Seo-yeon", "Min-jun", "Ji-ho", "Hye-jin", "Dong-hyun", "Jae-won"),
        ("Park", "Kim", "Lee", "Choi", "Jung", "Yoon"),
        family_first=True,
    ),
    Culture(
        _C("Japan", "Japanese", "Tokyo", "the Kantei"),
        ("Haruto", "Yui", "Kenji", "Aiko", "Takeshi", "Emi"),
        ("Nakamura", "Tanaka", "Watanabe", "Yamamoto", "Kobayashi", "Ishikawa"),
        head="Chief Cabinet Secretary",
    ),
    Culture(
        _C("Russia", "Russian", "Moscow", "the Kremlin"),
        ("Sergei", "Olga", "Dmitry", "Tatiana", "Alexei", "Natalia"),
        ("Sedykh", "Chernykh", "Dolgikh", "Makarenko", "Gurevich", "Kravets"),
    ),
    Culture(
        _C("Ukraine", "Ukrainian", "Kyiv", "Bankova Street"),
        ("Oleksandr", "Iryna", "Andriy", "Olena", "Taras", "Yuliia"),
        ("Shevchuk", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk", "Hnatyuk"),
    ),
    Culture(
        _C("United States", "U.S.", "Washington", "the White House", article=True),
        ("Katherine", "Michael J.", "Daniel", "Rebecca L.", "Jonathan", "Laura"),
        ("Whitfield", "O'Connor", "McAllister", "Reyes", "Harper", "Caldwell"),
    ),
    Culture(
        _C("China", "Chinese", "Beijing", "Zhongnanhai"),
        ("Jianguo", "Xiaoling", "Haoran", "Meilin", "Zhiqiang", "Yuhan"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Zhao"),
        family_first=True,
    ),
    Culture(
        _C("India", "Indian", "New Delhi", "South Block"),
        ("Arjun", "Priya", "Rahul", "Ananya", "Vikram", "Kavita"),
        ("Sharma", "Iyer", "Chatterjee", "Reddy", "Menon", "Deshpande"),
    ),
    Culture(
        _C("Saudi Arabia", "Saudi", "Riyadh", "the Royal Court"),
        ("Faisal", "Khalid", "Turki", "Nasser", "Saud", "Abdullah"),
        ("bin Fahd Al-Qahtani", "bin Saad Al-Otaibi", "bin Nasser Al-Rashid", "bin Ali Al-Dosari"),
        head="Minister of State",
    ),
    Culture(
        _C("South Africa", "South African", "Pretoria", "the Union Buildings"),
        ("Thandiwe", "Sipho", "Naledi", "Pieter", "Lindiwe", "Johan"),
        ("Mokoena", "van der Merwe", "Dlamini", "Nkosi", "du Plessis", "Botha"),
    ),
    Culture(
        _C("Norway", "Norwegian", "Oslo", "the Norwegian government"),
        ("Ingrid", "Håkon", "Sigrid", "Øystein", "Astrid", "Torbjørn"),
        ("Bjørnstad", "Løvland", "Haugen", "Dahl", "Strøm", "Ødegård"),
        head="State Secretary",
    ),
    Culture(
        _C("Mexico", "Mexican", "Mexico City", "the National Palace"),
        ("José", "María", "Alejandro", "Sofía", "Andrés", "Guadalupe"),
        ("Hernández", "de la Cruz", "Ramírez", "Gutiérrez", "Núñez", "Ortega"),
    ),
)

COUNTRIES = tuple(culture.country for culture in CULTURES)
PEOPLE_PER_CULTURE = 10

ORGANISATIONS = (
    "the United Nations",
    "the U.N. Security Council",
    "NATO",
    "the European Union",
    "the African Union",
    "the International Atomic Energy Agency",
    "the OSCE",
    "the World Food Programme",
    "the International Monetary Fund",
    "ASEAN",
)

PLACES = (
    "Geneva",
    "Vienna",
    "Doha",
    "Istanbul",
    "Helsinki",
    "Oslo",
    "Jeddah",
    "Astana",
    "Nairobi",
    "Singapore",
    "Muscat",
    "Reykjavík",
    "Bogotá",
    "Brasília",
    "Kigali",
    "Sharm el-Sheikh",
    "St. Petersburg",
    "Woodside, California",
    "Camp David, Maryland",
    "Anchorage, Alaska",
    "Davos, Switzerland",
    "Bled, Slovenia",
    "Hiroshima, Japan",
    "Nusa Dua, Bali",
)

TOPICS = (
    Topic("ceasefire", "Ceasefire", "a ceasefire along the line of contact", "a monitored pause"),
    Topic("grain", "Grain Corridor", "a maritime corridor for grain exports", "safe passage"),
    Topic("nuclear", "Nuclear Limits", "limits on uranium enrichment", "expanded inspections"),
    Topic("tariffs", "Tariff Dispute", "a dispute over steel tariffs", "a phased tariff cut"),
    Topic(
        "energy", "Gas Transit", "gas transit through a contested pipeline", "a new fee schedule"
    ),
    Topic("prisoners", "Prisoner Exchange", "an exchange of detainees", "simultaneous releases"),
    Topic("maritime", "Maritime Boundary", "a disputed maritime boundary", "joint patrols"),
    Topic(
        "climate", "Climate Finance", "climate finance for vulnerable states", "an adaptation fund"
    ),
    Topic("guarantees", "Security Guarantees", "security guarantees", "a reassurance force"),
    Topic("sanctions", "Sanctions Relief", "a phased easing of sanctions", "quarterly reviews"),
    Topic("water", "Water Sharing", "water sharing on a shared river", "a joint commission"),
    Topic(
        "relations", "Diplomatic Ties", "the restoration of diplomatic relations", "new embassies"
    ),
)


def _name(culture: Culture, given: str, family: str) -> str:
    return f"{family} {given}" if culture.family_first else f"{given} {family}"


def _surname(culture: Culture, family: str) -> str:
    # Particles stay with the surname ('de Villiers'); Arabic patronymics keep the family name.
    return family.split(" ")[-1] if family.startswith("bin ") else family


def _titles(culture: Culture) -> list[str]:
    # Heads of government are 'Prime Minister' everywhere; the first office varies by system.
    return [culture.head, *TITLES[1:PEOPLE_PER_CULTURE]]


def _people_of(culture: Culture) -> list[Person]:
    pairs = list(product(culture.given, culture.family))
    picks = [pairs[(i * 7) % len(pairs)] for i in range(PEOPLE_PER_CULTURE)]
    return [
        Person(_name(culture, given, family), _surname(culture, family), title, culture.country)
        for (given, family), title in zip(picks, _titles(culture), strict=True)
    ]


PEOPLE = tuple(person for culture in CULTURES for person in _people_of(culture))
