"""The data files: every word list in them is read by the parser, and each says what it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.parsing import parse_brief
from app.parsing.lexicon.files import DataFile, load_data, read_keys
from app.parsing.lexicon.words import lexicon
from app.parsing.names.org_model import org_model
from app.vocabulary import ClaimStatus, SectionKind

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "app" / "parsing" / "data"
FILES = sorted(DATA.glob("*.json"))
BRIEFS = sorted(
    path
    for folder in (ROOT / "tests" / "parsing", ROOT / "seeds")
    for path in folder.rglob("*")
    if path.suffix in (".txt", ".md") and path.name != "README.md"  # a set's notes, not a brief
)


def _file_keys(path: Path) -> set[str]:
    return set(json.loads(path.read_text("utf-8"))) - {"_doc"}


@pytest.fixture(scope="module")
def parsed_everything() -> None:
    """Parse every test brief and seed, so every table built from the data exists."""
    assert len(BRIEFS) >= 20
    for path in BRIEFS:
        parse_brief(path.read_bytes(), file=path.name)
    lexicon()
    org_model()  # the learned organisation stage, off by default in the parser


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_key_of_a_data_file_is_read(parsed_everything: None, path: Path) -> None:
    unread = _file_keys(path) - read_keys(path.name)
    assert unread == set(), f"{path.name}: lists no code reads: {sorted(unread)}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_data_file_says_what_it_holds(path: Path) -> None:
    doc = json.loads(path.read_text("utf-8")).get("_doc", "")
    assert isinstance(doc, str), path.name
    assert len(doc) > 20, path.name


def test_the_loader_notes_only_the_keys_read() -> None:
    """What makes the test above able to fail: a key never asked for is not noted."""
    data = DataFile("example.json", {"read": [1], "unread": [2]})
    assert data["read"] == [1]
    assert read_keys("example.json") == {"read"}


def test_section_headings_name_kinds_and_claim_statuses() -> None:
    sections = load_data("sections.json")
    kinds = {SectionKind(kind) for kind in sections["headings"].values()}
    # Every kind but the title, the Lead and extra sections is found by a known heading.
    assert kinds == set(SectionKind) - {SectionKind.title, SectionKind.lead, SectionKind.extra}
    statuses = sections["claim_status"]
    assert {SectionKind(kind) for kind in statuses} <= kinds
    assert {ClaimStatus(status) for status in statuses.values()} == set(ClaimStatus)


def test_section_headings_are_written_folded() -> None:
    """Headings are looked up folded: a key with capitals or '&' would never match."""
    for name in load_data("sections.json")["headings"]:
        assert name == " ".join(name.casefold().replace("&", " and ").split()), name
