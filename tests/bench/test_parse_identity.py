"""bench.parse_identity: the same corpus every run, and any changed output named."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import parse_identity


def test_the_corpus_is_the_same_every_run() -> None:
    first = list(parse_identity.corpus(generated=3, mutations=20))
    assert first == list(parse_identity.corpus(generated=3, mutations=20))
    names = [name for name, _ in first]
    assert "seeds/2015-07-14-vienna-jcpoa.txt" in names
    assert any(name.startswith("tests/parsing/eval48/") for name in names)
    assert names[-1] == "mutation-19"
    assert len(names) == len(set(names))


def test_a_digest_follows_the_output_and_an_error_has_one_too() -> None:
    raw = Path(parse_identity.ROOT, "seeds", "2015-07-14-vienna-jcpoa.txt").read_bytes()
    assert parse_identity.digest(raw) == parse_identity.digest(raw)
    assert parse_identity.digest(raw) != parse_identity.digest(raw.replace(b"Iran", b"Oman"))
    assert len(parse_identity.digest(b"")) == 40  # an empty brief: its error's digest


def test_compare_names_what_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, after = tmp_path / "before.txt", tmp_path / "after.txt"
    assert parse_identity.main([str(before), "--generated", "2", "--mutations", "3"]) == 0
    lines = before.read_text().splitlines()
    assert parse_identity.main(["--compare", str(before), str(before)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "identical"
    name, _ = lines[0].split("\t")
    changed = [f"{name}\t{'0' * 40}", *lines[1:-1]]  # one digest changed, the last brief gone
    after.write_text("\n".join(changed) + "\n")
    assert parse_identity.main(["--compare", str(before), str(after)]) == 1
    assert capsys.readouterr().out.split() == sorted([name, lines[-1].split("\t")[0]])
