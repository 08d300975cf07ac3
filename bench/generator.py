"""Deterministic generator of realistic briefs for ingestion benchmarks.

`generate_briefs(n, seed)` yields `(file_name, text)` pairs. The same `seed` always gives the
same briefs, and brief `i` does not depend on `n`. Every brief is valid per FORMAT.md (a Lead
with a date and `in Place`, known sections, every quotation followed by its attribution) and
about the sample's size, while the format varies the way real briefs do: `.txt` or `.md`,
heading case, colons and `##`, `&` or `and`, blank lines, CRLF, BOM, bullet, quotation and
attribution styles, date styles, optional title, Disputed and extra sections.

    python -m bench.generator OUT_DIR -n 10000 [--seed S]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from app.vocabulary import slugify
from bench import phrases
from bench.pools import COUNTRIES, ORGANISATIONS, PEOPLE, PLACES, TOPICS, Person, Topic

MIN_BYTES = 3000
MAX_BYTES = 5000
FIRST_DAY = date(2015, 1, 1)
SPAN_DAYS = 3652
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.")
AP_MONTHS_ALL = (*AP_MONTHS, "Nov.", "Dec.")
MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
BULLETS = ("- ", "* ", "• ", "– ", "1. ")
DISPUTED_HEADINGS = ("Disputed", "Disputed Claims", "Contested", "Denied")
EXTRA_HEADINGS = ("Background", "Timeline", "Next Steps", "Regional Reactions")
CONTEXT = "Context & Impact"


@dataclass(frozen=True)
class Style:
    """How one brief is written down; the content does not depend on it."""

    markdown: bool
    heading_case: str  # "title", "upper" or "sentence"
    colon: bool
    hashes: bool
    ampersand: bool
    spacing: str  # "none", "sections" or "all"
    crlf: bool
    bom: bool
    bullet: str
    curly_quotes: bool
    curly_apostrophes: bool
    attribution: str  # "plain", "em", "en" or "hyphen"
    blockquote_gap: bool
    date_style: str  # "ap", "long", "day_first" or "iso"
    titled: bool


@dataclass(frozen=True)
class Statement:
    quote: str
    speaker: Person


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


@dataclass
class Draft:
    title: str | None
    lead: str
    sections: list[Section]


@dataclass(frozen=True)
class Cast:
    people: tuple[Person, ...]
    topic: Topic
    place: str
    day: date
    slots: dict[str, str]


def pick_style(rng: random.Random) -> Style:
    markdown = rng.random() < 0.3
    attributions = ("em", "en") if markdown else ("plain", "em", "en", "hyphen")
    return Style(
        markdown=markdown,
        heading_case=rng.choice(("title", "title", "upper", "sentence")),
        colon=rng.random() < 0.3,
        hashes=markdown or rng.random() < 0.1,
        ampersand=rng.random() < 0.6,
        spacing=rng.choice(("none", "sections", "sections", "all")),
        crlf=rng.random() < 0.15,
        bom=rng.random() < 0.1,
        bullet=rng.choice(BULLETS),
        curly_quotes=rng.random() < 0.5,
        curly_apostrophes=rng.random() < 0.5,
        attribution=rng.choice(attributions),
        blockquote_gap=rng.random() < 0.5,
        date_style=rng.choice(("ap", "long", "day_first", "iso")),
        titled=rng.random() < 0.7,
    )


def format_date(day: date, style: str) -> str:
    if style == "ap":
        return f"{AP_MONTHS_ALL[day.month - 1]} {day.day}, {day.year}"
    if style == "long":
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style == "day_first":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return day.isoformat()


def clock(rng: random.Random) -> str:
    minutes = rng.choice(("00", "15", "30", "45"))
    return f"{rng.randint(1, 11)}:{minutes} {rng.choice(('a.m.', 'p.m.'))}"


def person_slots(prefix: str, person: Person) -> dict[str, str]:
    country = person.country
    return {
        prefix: person.introduced,
        f"{prefix}_name": person.name,
        f"{prefix}_short": person.surname,
        f"{prefix}_title": f"{person.title} {person.surname}",
        f"{prefix}_country": country.in_text,
        f"{prefix}_adj": country.adjective,
        f"{prefix}_cap": country.capital,
        f"{prefix}_seat": country.seat,
    }


def pick_people(rng: random.Random) -> tuple[Person, ...]:
    """Five people; the first three (the principals) from different countries."""
    countries = rng.sample(COUNTRIES, 3)
    principals = [rng.choice([p for p in PEOPLE if p.country == c]) for c in countries]
    others = rng.sample([p for p in PEOPLE if p not in principals], 2)
    return (*principals, *others)


def number_slots(rng: random.Random, day: date) -> dict[str, str]:
    return {
        "num": str(rng.randint(3, 40)),
        "hours": str(rng.randint(3, 17)),
        "pages": str(rng.randint(8, 120)),
        **{f"pct{i}": f"{rng.randint(1, 12)}.{rng.randint(1, 99):02d}" for i in range(1, 4)},
        "money": f"${rng.randint(2, 90)}.{rng.randint(1, 9)} billion",
        "time": clock(rng),
        "time2": clock(rng),
        "prev_year": str(day.year - rng.randint(1, 6)),
    }


def make_cast(rng: random.Random, style: Style) -> Cast:
    day = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
    people, topic, place = pick_people(rng), rng.choice(TOPICS), rng.choice(PLACES)
    slots = {
        "date": format_date(day, style.date_style),
        "place": place,
        "city": place.split(",")[0],
        "subject": topic.subject,
        "measure": topic.measure,
        "headline": topic.headline,
        "org": rng.choice(ORGANISATIONS),
        "d_name": people[3].name,
        "e_name": people[4].name,
        "e_country": people[4].country.in_text,
        **number_slots(rng, day),
    }
    for prefix, person in zip("abc", people, strict=False):
        slots.update(person_slots(prefix, person))
    return Cast(people, topic, place, day, slots)


def fill(template: str, cast: Cast) -> str:
    text = template.format_map(cast.slots)
    return text[:1].upper() + text[1:]


def pick(rng: random.Random, templates: Sequence[str], count: int, cast: Cast) -> list[str]:
    return [fill(t, cast) for t in rng.sample(templates, min(count, len(templates)))]


def fact_paragraph(rng: random.Random, cast: Cast) -> str:
    return " ".join(pick(rng, phrases.FACTS, rng.randint(2, 3), cast))


def statements(rng: random.Random, cast: Cast) -> list[Statement]:
    quotes = pick(rng, phrases.QUOTES, rng.randint(2, 3), cast)
    return [Statement(quote, rng.choice(cast.people[:3])) for quote in quotes]


def extra_section(rng: random.Random, cast: Cast) -> Section:
    heading = rng.choice(EXTRA_HEADINGS)
    if heading == "Timeline":
        return Section(heading, bullets=[fill(t, cast) for t in phrases.TIMELINE])
    if heading == "Next Steps":
        return Section(heading, bullets=pick(rng, phrases.NEXT_STEPS, 2, cast))
    source = phrases.BACKGROUND if heading == "Background" else phrases.REACTIONS
    return Section(heading, paragraphs=pick(rng, source, 1, cast))


def core_sections(rng: random.Random, cast: Cast) -> list[Section]:
    return [
        Section("Key Takeaways", bullets=pick(rng, phrases.TAKEAWAYS, rng.randint(3, 6), cast)),
        Section("Verified Facts", paragraphs=[fact_paragraph(rng, cast) for _ in range(2)]),
        Section(
            CONTEXT,
            paragraphs=pick(rng, phrases.CONTEXTS, rng.randint(1, 2), cast),
            bullets=pick(rng, phrases.IMPACTS, rng.randint(2, 3), cast),
        ),
        Section("Official Statements", statements=statements(rng, cast)),
        Section("Unconfirmed", bullets=pick(rng, phrases.UNCONFIRMED, rng.randint(1, 3), cast)),
    ]


def compose(rng: random.Random, cast: Cast) -> Draft:
    sections = core_sections(rng, cast)
    if rng.random() < 0.4:
        disputed = pick(rng, phrases.DISPUTED, rng.randint(1, 3), cast)
        sections.insert(
            rng.choice((4, 5)), Section(rng.choice(DISPUTED_HEADINGS), bullets=disputed)
        )
    if rng.random() < 0.3:
        sections.insert(rng.randint(1, len(sections)), extra_section(rng, cast))
    if rng.random() < 0.1:
        sections[0], sections[1] = sections[1], sections[0]
    sections.append(Section("Bottom Line", paragraphs=pick(rng, phrases.BOTTOM_LINES, 1, cast)))
    title = fill(rng.choice(phrases.TITLES), cast)
    return Draft(title, fill(rng.choice(phrases.LEADS), cast), sections)


def heading_line(name: str, style: Style) -> str:
    if name == CONTEXT and not style.ampersand:
        name = "Context and Impact"
    if style.heading_case == "upper":
        name = name.upper()
    elif style.heading_case == "sentence":
        name = name[:1] + name[1:].lower()
    return f"{'## ' if style.hashes else ''}{name}{':' if style.colon else ''}"


def attribution_line(person: Person, style: Style) -> str:
    if style.attribution == "hyphen":
        return f"- {person.name}"
    dash = {"plain": "", "em": "— ", "en": "– "}[style.attribution]
    return f"{dash}{person.name}, {person.role}"


def statement_lines(statement: Statement, style: Style) -> list[str]:
    opening, closing = ("“", "”") if style.curly_quotes else ('"', '"')
    quote = f"{opening}{statement.quote}{closing}"
    attribution = attribution_line(statement.speaker, style)
    if not style.markdown:
        return [quote, attribution]
    return [f"> {quote}", *([">"] if style.blockquote_gap else []), f"> {attribution}"]


def bullet_lines(bullets: Sequence[str], style: Style) -> list[list[str]]:
    if style.bullet == "1. ":
        return [[f"{i}. {text}"] for i, text in enumerate(bullets, start=1)]
    return [[f"{style.bullet}{text}"] for text in bullets]


def section_blocks(section: Section, style: Style) -> list[list[str]]:
    """A heading then its blocks; lines within a block never get a blank line between them."""
    return [
        [heading_line(section.heading, style)],
        *([p] for p in section.paragraphs),
        *bullet_lines(section.bullets, style),
        *(statement_lines(s, style) for s in section.statements),
    ]


def join_section(blocks: list[list[str]], style: Style) -> str:
    gap = "\n\n" if style.spacing == "all" else "\n"
    return gap.join("\n".join(block) for block in blocks)


def render(draft: Draft, style: Style) -> str:
    lead = f"**Lead:** {draft.lead}" if style.markdown else f"Lead: {draft.lead}"
    parts = [lead, *(join_section(section_blocks(s, style), style) for s in draft.sections)]
    if style.titled and draft.title:
        parts.insert(0, f"# {draft.title}" if style.markdown else draft.title)
    text = ("\n" if style.spacing == "none" else "\n\n").join(parts) + "\n"
    if style.curly_apostrophes:
        text = text.replace("'", "’")
    if style.crlf:
        text = text.replace("\n", "\r\n")
    return f"\ufeff{text}" if style.bom else text


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def trim(draft: Draft) -> bool:
    """Drop one optional paragraph or bullet; False when nothing is left to drop."""
    for section in draft.sections:
        if section.heading in ("Verified Facts", CONTEXT) and len(section.paragraphs) > 1:
            section.paragraphs.pop()
            return True
        if section.heading == "Key Takeaways" and len(section.bullets) > 3:
            section.bullets.pop()
            return True
    return False


def fit(draft: Draft, cast: Cast, style: Style, rng: random.Random) -> str:
    """Render, adding verified facts or dropping optional text until the size is in range."""
    facts = next(s for s in draft.sections if s.heading == "Verified Facts")
    target = rng.randint(MIN_BYTES + 200, MAX_BYTES - 300)
    text = render(draft, style)
    while size(text) < target:
        facts.paragraphs.append(fact_paragraph(rng, cast))
        text = render(draft, style)
    while size(text) > MAX_BYTES and trim(draft):
        text = render(draft, style)
    return text


def generate_brief(index: int, seed: int = 0) -> tuple[str, str]:
    rng = random.Random(f"chancery-bench:{seed}:{index}")
    style = pick_style(rng)
    cast = make_cast(rng, style)
    text = fit(compose(rng, cast), cast, style, rng)
    stem = f"{cast.day.isoformat()}-{slugify(cast.slots['city'])}-{cast.topic.slug}-{index:06d}"
    return f"{stem}.{'md' if style.markdown else 'txt'}", text


def generate_briefs(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """Yield `n` briefs as `(file_name, text)`; names are unique within one call."""
    for index in range(n):
        yield generate_brief(index, seed)


def write_briefs(folder: Path, count: int, seed: int = 0, prefix: str = "") -> list[Path]:
    """Write `count` generated briefs into `folder` (made if missing), each file named
    `prefix` + its generated name, and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate_briefs(count, seed):
        path = folder / f"{prefix}{name}"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write generated briefs for benchmarks.")
    parser.add_argument("out_dir", type=Path, help="directory to write the briefs into")
    parser.add_argument("-n", "--count", type=int, default=10_000, help="number of briefs")
    parser.add_argument("--seed", type=int, default=0, help="seed; same seed, same briefs")
    args = parser.parse_args(argv)
    out_dir: Path = args.out_dir
    write_briefs(out_dir, args.count, args.seed)
    print(f"wrote {args.count} briefs to {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
