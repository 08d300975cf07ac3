"""Actors resolved across briefs: one actor per person across spellings of the name, and
look-alike names of different people kept apart."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from app.ingest.verify import verify


def _ingest(database_url: str, tmp_path: Path, *leads: str) -> None:
    for n, lead in enumerate(leads):
        brief = f"Lead: On May {n + 1}, 2023 in Geneva, {lead}\n\nKey Takeaways\n- Talks went on.\n"
        (tmp_path / f"brief-{n}.md").write_text(brief, encoding="utf-8")
    report = ingest_sources(discover([str(tmp_path)]), database_url=database_url, workers=0)
    assert report.counts["ingested"] == len(leads)
    assert verify(database_url).problems == []


def _people(database_url: str) -> dict[str, set[str]]:
    """Each stored person's name -> the aliases stored for it."""
    with get_engine(database_url).connect() as connection:
        rows = connection.execute(
            text(
                "SELECT actors.name, actor_aliases.alias FROM actors JOIN actor_aliases "
                "ON actor_aliases.actor_id = actors.id WHERE actors.kind = 'person'"
            )
        ).all()
    people: dict[str, set[str]] = {}
    for name, alias in rows:
        people.setdefault(name, set()).add(alias)
    return people


def test_transliterations_of_one_name_are_one_person_with_both_aliases(
    database_url: str, tmp_path: Path
) -> None:
    _ingest(
        database_url,
        tmp_path,
        "Russian Foreign Minister Sergei Lavrov met Ukrainian President Volodymyr Zelensky.",
        "Foreign Minister Sergey Lavrov said Volodymyr Zelenskyy had refused.",
        "Saudi Crown Prince Mohammed bin Salman said output would fall.",
        "Crown Prince Muhammad bin Salman said the cut would hold.",
    )
    people = _people(database_url)
    assert set(people) == {"Sergei Lavrov", "Volodymyr Zelensky", "Mohammed bin Salman"}
    # Each spelling is kept as an alias, so a reader sees why the names are one actor.
    assert {"Sergei Lavrov", "Sergey Lavrov", "Foreign Minister Sergey Lavrov"} <= (
        people["Sergei Lavrov"]
    )
    assert "Volodymyr Zelenskyy" in people["Volodymyr Zelensky"]
    assert {"Muhammad bin Salman", "Crown Prince Muhammad bin Salman"} <= (
        people["Mohammed bin Salman"]
    )


def test_different_people_with_alike_names_stay_apart(database_url: str, tmp_path: Path) -> None:
    _ingest(
        database_url,
        tmp_path,
        "North Korean leader Kim Jong Un inspected a missile launch.",
        "Kim Yo Jong, the leader's sister, said Seoul would regret it.",
        "U.S. President George W. Bush spoke on the treaty.",
        "Former U.S. President George H. W. Bush said the treaty would hold.",
    )
    assert {"Kim Jong Un", "Kim Yo Jong", "George W. Bush", "George H. W. Bush"} <= set(
        _people(database_url)
    )


def test_a_name_written_with_a_hyphen_finds_the_stored_person(
    database_url: str, tmp_path: Path
) -> None:
    _ingest(
        database_url,
        tmp_path,
        "North Korean leader Kim Jong Un inspected a missile launch.",
        "Kim Jong-un said the launch was a success.",
    )
    assert _people(database_url) == {
        "Kim Jong Un": {"Kim Jong Un", "North Korean leader Kim Jong Un", "Kim Jong-un"}
    }
