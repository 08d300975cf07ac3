"""Regression floors for actor recognition on the actor sets eval4-eval51 (docs/parsing.md).

These are not #13's targets (0.95 on organisations, 0.98 on persons, not met yet): they are
the scores measured on 2026-12-04 (after round 9, parser 1.10.0, and raised where rounds 10
to 40, parsers 1.11.0 to 1.41.0, moved them) less about 0.02, so a change that loses ground
on briefs the parser was or was not tuned on fails here and says where, and a gain is kept by
raising the floor in the same commit as its figures in docs/parsing.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.parsing import parse_brief
from bench.actor_eval import Score, brief_paths, score_organisations, score_persons
from tests.parsing.test_eval import expected_path

SETS = Path(__file__).parent
# set: (persons precision, persons recall, organisations precision, organisations recall)
FLOORS = {
    "eval4": (0.98, 0.98, 0.95, 0.91),
    "eval5": (0.97, 0.96, 0.96, 0.90),
    "eval6": (0.96, 0.97, 0.96, 0.92),
    "eval7": (0.97, 0.97, 0.93, 0.89),
    "eval8": (0.98, 0.97, 0.94, 0.90),
    "eval9": (0.97, 0.97, 0.95, 0.92),
    "eval10": (0.96, 0.97, 0.94, 0.92),
    "eval11": (0.96, 0.97, 0.94, 0.84),
    "eval12": (0.96, 0.96, 0.94, 0.90),
    # Held out in round 9 (scored before and after it), tuned on from round 10 (its misses
    # read): no longer held out.
    "eval13": (0.93, 0.93, 0.94, 0.90),
    # Held out in round 10 (scored before and after it), tuned on from round 11 (its misses
    # read): no longer held out.
    "eval14": (0.96, 0.96, 0.90, 0.86),
    # Held out in round 11 (scored before and after it), tuned on from round 12 (its misses
    # read): no longer held out.
    "eval15": (0.93, 0.96, 0.93, 0.86),
    # Held out in round 12 (scored before and after it), tuned on from round 13 (its misses
    # read): no longer held out.
    "eval16": (0.95, 0.97, 0.94, 0.89),
    # Held out in round 13 (scored before and after it), tuned on from round 14 (its misses
    # read): no longer held out.
    "eval17": (0.95, 0.97, 0.94, 0.88),
    # Held out in round 14 (scored before and after it), tuned on from round 15 (its misses
    # read): no longer held out.
    "eval18": (0.94, 0.96, 0.90, 0.88),
    # Held out in round 15 (scored before and after it; 0.93 / 0.96 and 0.90 / 0.70 after),
    # tuned on from round 16 (its misses read; 0.97 / 1.00 and 0.93 / 0.73 after): no longer
    # held out.
    "eval19": (0.95, 0.98, 0.91, 0.71),
    # Held out in round 16 (scored before and after it; 0.90 / 0.88 and 0.94 / 0.76 after),
    # tuned on from round 17 (its misses read; 0.95 / 0.96 and 0.95 / 0.78 after): no longer
    # held out.
    "eval20": (0.93, 0.94, 0.93, 0.76),
    # Held out in round 17 (scored before and after it; 0.88 / 0.85 and 0.93 / 0.72 after),
    # tuned on from round 18 (its misses read; 0.91 / 0.91 and 0.93 / 0.73 after): no longer
    # held out.
    "eval21": (0.90, 0.89, 0.91, 0.71),
    # Held out in round 18 (scored before and after it; 0.93 / 0.90 and 0.87 / 0.77 after),
    # tuned on from round 19 (its misses read; 0.94 / 0.91 and 0.89 / 0.79 after): no longer
    # held out.
    "eval22": (0.92, 0.89, 0.87, 0.77),
    # Held out in round 19 (scored before and after it; 0.95 / 0.97 and 0.90 / 0.72 after),
    # readable from the next round on.
    "eval23": (0.93, 0.95, 0.88, 0.70),
    # Held out for the learned organisation recogniser (scored once before it, parser 1.20.0:
    # 0.88 / 0.91 and 0.95 / 0.76; once with it switched on: 0.88 / 0.91 and 0.94 / 0.82),
    # readable from the next round on. The floors are the rules' (the stage is off); round 20
    # (parser 1.21.0) moved persons to 0.89 / 0.92.
    "eval24": (0.87, 0.90, 0.93, 0.74),
    # Held out (another writer, 2026-12-05), scored once at parser 1.20.0 before any change:
    # 0.92 / 0.91 and 0.90 / 0.73 with the rules, 0.92 / 0.91 and 0.89 / 0.79 with the learned
    # stage switched on. The floors are the rules' less 0.02 (the stage is off). Tuned on in
    # round 20 (parser 1.21.0: persons 0.94 / 0.94 after).
    "eval25": (0.92, 0.92, 0.88, 0.71),
    # Held out in round 20 (a third new writer, 2026-12-05), scored once before it (parser
    # 1.20.0: 0.92 / 0.93 and 0.92 / 0.73; with the learned stage 0.92 / 0.81) and once after
    # (1.21.0: 0.92 / 0.94 and 0.92 / 0.73; with the retrained stage 0.91 / 0.81); readable
    # from the next round on.
    "eval26": (0.90, 0.92, 0.90, 0.71),
    # A fourth new writer (2026-12-05), scored once at parser 1.21.0 with no change after it:
    # 0.92 / 0.90 and 0.90 / 0.70 with the rules; with the learned stage 0.92 / 0.90 and
    # 0.92 / 0.81. Tuned on in round 21 (parser 1.22.0: 0.93 / 0.92 and 0.92 / 0.73 after).
    "eval27": (0.91, 0.90, 0.90, 0.71),
    # Held out in round 21 (a fifth new writer, 2026-12-05), scored once before it (parser
    # 1.21.0: 0.91 / 0.86 and 0.92 / 0.73; with the learned stage 0.92 / 0.81) and once after
    # (1.22.0: 0.91 / 0.86 and 0.92 / 0.74; with the retrained stage 0.93 / 0.83). Tuned on
    # in round 22 (parser 1.23.0: 0.92 / 0.87 and 0.94 / 0.76 after).
    "eval28": (0.90, 0.85, 0.91, 0.73),
    # Held out in round 22 (a sixth new writer, 2026-12-05), scored once before it (parser
    # 1.22.0: 0.90 / 0.92 and 0.93 / 0.73; with the learned stage 0.92 / 0.82) and once after
    # (1.23.0: the same with the rules; with the retrained stage 0.92 / 0.82). Tuned on in
    # round 23 (parser 1.24.1: 0.91 / 0.93 and 0.95 / 0.78 after).
    "eval29": (0.89, 0.91, 0.93, 0.76),
    # Held out in round 23 (a seventh new writer, 2026-12-05), scored once before it (parser
    # 1.23.1: 0.94 / 0.88 and 0.90 / 0.78; with the learned stage 0.89 / 0.83) and once after
    # (1.24.0: 0.94 / 0.89 and 0.88 / 0.78; with the retrained stage 0.88 / 0.83); read
    # for 1.24.1 (a portfolio list after a ministry: 0.90 / 0.78). Tuned on in round 24
    # (parser 1.25.0: 0.96 / 0.90 and 0.91 / 0.82 after).
    "eval30": (0.94, 0.88, 0.89, 0.80),
    # Held out in round 24 (an eighth new writer, 2026-12-05), scored once before it (parser
    # 1.24.1: 0.90 / 0.92 and 0.92 / 0.79; with the learned stage 0.93 / 0.86) and once after
    # (1.25.0: 0.90 / 0.92 and 0.92 / 0.79, two more right; with the retrained stage 0.93 /
    # 0.86). Tuned on in round 25 (parser 1.26.0: 0.90 / 0.92 and 0.93 / 0.83 after).
    "eval31": (0.88, 0.90, 0.91, 0.81),
    # Held out in round 25 (a ninth new writer, 2026-12-05), scored once before it (parser
    # 1.25.0: 0.93 / 0.91 and 0.93 / 0.79; with the learned stage 0.91 / 0.84) and once after
    # (1.26.0: 0.93 / 0.91 and 0.93 / 0.80; with the retrained stage 0.91 / 0.83). Tuned on
    # in round 26 (parser 1.27.0: 0.93 / 0.91 and 0.93 / 0.84 after).
    "eval32": (0.91, 0.89, 0.91, 0.82),
    # Held out in round 26 (a tenth new writer, 2026-12-05), scored once before it (parser
    # 1.26.0: 0.94 / 0.90 and 0.89 / 0.75; with the learned stage 0.88 / 0.81) and once after
    # (1.27.0: 0.94 / 0.90 and 0.89 / 0.76; with the retrained stage 0.88 / 0.82). Tuned on
    # in round 27 (parser 1.28.0: 0.94 / 0.90 and 0.90 / 0.77 after).
    "eval33": (0.92, 0.88, 0.88, 0.75),
    # Held out in round 27 (an eleventh writer, 2026-12-05; five briefs, the writer stopped at
    # its time limit), scored once before it (parser 1.27.0: 0.88 / 0.90 and 0.89 / 0.76;
    # with the learned stage 0.87 / 0.80) and once after (1.28.0: the same with the rules;
    # with the retrained stage 0.87 / 0.81). Tuned on in round 28 (parser 1.29.0: 0.89 / 0.91
    # and 0.93 / 0.81 after).
    "eval34": (0.87, 0.89, 0.91, 0.79),
    # Held out in round 28 (a twelfth writer, 2026-12-05; eight briefs, the writer stopped at
    # its time limit), scored once before it (parser 1.28.0: 0.88 / 0.92 and 0.94 / 0.75;
    # with the learned stage 0.94 / 0.82) and once after (1.29.0: 0.88 / 0.92 and 0.94 /
    # 0.76; with the retrained stage 0.95 / 0.83). Tuned on in round 29 (parser 1.30.0: 0.92 /
    # 0.92 and 0.95 / 0.86 after).
    "eval35": (0.89, 0.90, 0.92, 0.83),
    # Held out in round 29 (a thirteenth writer, 2026-12-05), scored once before it (parser
    # 1.29.0: 0.93 / 0.95 and 0.91 / 0.76; with the learned stage 0.90 / 0.82) and once after
    # (1.30.0: 0.94 / 0.95 and 0.91 / 0.76; with the retrained stage 0.90 / 0.82); read for
    # 1.30.1 (a known body's name and its country: 0.91 / 0.77). Tuned on in round 30
    # (parser 1.31.0: 0.94 / 0.95 and 0.91 / 0.79 after).
    "eval36": (0.92, 0.93, 0.89, 0.77),
    # Held out in round 30 (a fourteenth writer, 2026-12-05), scored once before it (parser
    # 1.30.1: 0.89 / 0.94 and 0.92 / 0.66; with the learned stage 0.93 / 0.77) and once after
    # (1.31.0: 0.89 / 0.94 and 0.92 / 0.67; with the retrained stage 0.93 / 0.78). Tuned on in
    # round 31 (parser 1.32.0: 0.89 / 0.94 and 0.92 / 0.71 after).
    "eval37": (0.87, 0.92, 0.90, 0.69),
    # Held out in round 31 (a fifteenth writer, 2026-12-05; five briefs, the writer stopped at
    # its time limit), scored once before it (parser 1.31.0: 0.90 / 0.95 and 0.84 / 0.60; with
    # the learned stage 0.87 / 0.68) and once after (1.32.0: 0.90 / 0.95 and 0.85 / 0.61; with
    # the retrained stage 0.88 / 0.69). Tuned on in round 32 (parser 1.33.0: 0.91 / 0.95 and
    # 0.89 / 0.66 after).
    "eval38": (0.89, 0.93, 0.87, 0.64),
    # Held out in round 32 (a sixteenth writer, 2026-12-05), scored once before it (parser
    # 1.32.0: 0.79 / 0.84 and 0.87 / 0.58; with the learned stage 0.88 / 0.69) and once after
    # (1.33.0: 0.79 / 0.84 and 0.88 / 0.58; with the retrained stage 0.88 / 0.69). Tuned on
    # in round 33 (parser 1.34.0: 0.83 / 0.85 and 0.89 / 0.62 after).
    "eval39": (0.81, 0.83, 0.87, 0.60),
    # Held out in round 33 (a seventeenth writer, 2026-12-05; eight briefs, the writer stopped
    # at its time limit), scored once before it (parser 1.33.0: 0.86 / 0.91 and 0.94 / 0.73;
    # with the learned stage 0.94 / 0.78) and once after (1.34.0: 0.86 / 0.91 and 0.94 /
    # 0.73; with the retrained stage 0.94 / 0.79). Tuned on in round 34 (parser 1.35.0: 0.87 /
    # 0.92 and 0.95 / 0.77 after).
    "eval40": (0.85, 0.90, 0.93, 0.75),
    # Held out in round 34 (an eighteenth writer, 2026-12-05; eight briefs, the writer stopped
    # at its time limit), scored once before it (parser 1.34.0: 0.83 / 0.92 and 0.94 / 0.72;
    # with the learned stage 0.94 / 0.82) and once after (1.35.0: the same with the rules;
    # with the retrained stage 0.94 / 0.81). Tuned on in round 35 (parser 1.36.0: 0.89 /
    # 0.95 and 0.95 / 0.78 after).
    "eval41": (0.87, 0.93, 0.93, 0.76),
    # Held out in round 35 (a nineteenth writer, 2026-12-05; eight briefs, the writer stopped
    # at its time limit), scored once before it (parser 1.35.1: 0.79 / 0.88 and 0.91 / 0.72;
    # with the learned stage 0.91 / 0.80) and once after (1.36.0: the same with the rules;
    # with the retrained stage 0.91 / 0.80). Tuned on in round 36 (parser 1.37.0: 0.84 /
    # 0.91 and 0.94 / 0.76 after).
    "eval42": (0.82, 0.89, 0.92, 0.74),
    # Held out in round 36 (a twentieth writer, 2026-12-05; eight briefs), scored before it
    # (parser 1.36.0: 0.74 / 0.82 and 0.96 / 0.81; with the learned stage 0.95 / 0.85) and
    # after (1.37.0: 0.74 / 0.82 and 0.96 / 0.82; with the retrained stage 0.94 / 0.86).
    # Tuned on in round 37 (parser 1.38.0: 0.79 / 0.82 and 0.96 / 0.86 after).
    "eval43": (0.77, 0.80, 0.94, 0.84),
    # Held out in round 37 (a twenty-first writer, 2026-12-05; eight briefs), scored before
    # it (parser 1.37.0: 0.84 / 0.82 and 0.95 / 0.75; with the learned stage 0.95 / 0.85) and
    # after (1.38.0: 0.84 / 0.82 and 0.95 / 0.76; with the retrained stage 0.95 / 0.85).
    # Tuned on in round 38 (parser 1.39.0: 0.85 / 0.83 and 0.96 / 0.83 after).
    "eval44": (0.83, 0.81, 0.94, 0.81),
    # Held out in round 38 (a twenty-second writer, 2026-12-05; eight briefs), scored before
    # it (parser 1.38.0: 0.84 / 0.92 and 0.83 / 0.84; with the learned stage 0.84 / 0.88) and
    # after (1.39.0: 0.84 / 0.92 and 0.84 / 0.85; with the retrained stage 0.84 / 0.89).
    # Tuned on in round 39 (parser 1.40.0: 0.86 / 0.93 and 0.85 / 0.89 after).
    "eval45": (0.84, 0.91, 0.83, 0.87),
    # Held out in round 39 (a twenty-third writer, 2026-12-05; eight briefs), scored before
    # it (parser 1.39.0: 0.77 / 0.82 and 0.89 / 0.87; with the learned stage 0.88 / 0.91) and
    # after (1.40.0: the same both ways). Tuned on in round 40 (parser 1.41.0: 0.78 / 0.80
    # and 0.89 / 0.89 after).
    "eval46": (0.76, 0.78, 0.87, 0.87),
    # Held out in round 40 (a twenty-fourth writer, 2026-12-05; eight briefs), scored before
    # it (parser 1.40.0: 0.72 / 0.81 and 0.82 / 0.77; with the learned stage 0.82 / 0.82) and
    # after (1.41.0: the same both ways); readable from the next round on.
    "eval47": (0.70, 0.79, 0.80, 0.75),
    # A twenty-fifth writer (2026-12-05; eight briefs), scored once with parser 1.41.0 and no
    # round (0.76 / 0.81 and 0.87 / 0.75), then tuned on in round 41 (parser 1.42.0: 0.83 /
    # 0.87 and 0.90 / 0.81).
    "eval48": (0.81, 0.85, 0.88, 0.79),
    # Held out for round 41 (a twenty-sixth writer, 2026-12-05; ten briefs): 0.78 / 0.84 and
    # 0.88 / 0.81 before (parser 1.41.1), 0.79 / 0.84 and 0.89 / 0.81 after (1.42.0); tuned on
    # in round 42 (1.43.0: 0.79 / 0.84 and 0.93 / 0.86).
    "eval49": (0.77, 0.82, 0.91, 0.84),
    # Held out for round 42 (a twenty-seventh writer, 2026-12-05; ten briefs): 0.82 / 0.87
    # and 0.92 / 0.85 before (parser 1.42.0) and after (1.43.0); tuned on in round 43 (1.44.0:
    # organisations 0.95 / 0.87).
    "eval50": (0.80, 0.85, 0.93, 0.85),
    # Held out for round 43 (a twenty-eighth writer, 2026-12-05; ten briefs): 0.78 / 0.84 and
    # 0.88 / 0.85 before (parser 1.43.0) and after (1.44.0); its misses not read.
    "eval51": (0.76, 0.82, 0.86, 0.83),
}


def _ratio(right: int, total: int) -> float:
    return right / total if total else 1.0


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_actor_scores_stay_above_their_floor(name: str) -> None:
    score = Score()
    for path in brief_paths(SETS / name):
        gold = json.loads(expected_path(path).read_text("utf-8"))
        parsed = parse_brief(path.read_bytes())
        score_persons(path.stem, parsed, gold, score.persons)
        score_organisations(path.stem, parsed, gold["organisations"], score.organisations)
    persons, orgs = score.persons, score.organisations
    got = (
        _ratio(persons.right, persons.found),
        _ratio(persons.right, persons.wanted),
        _ratio(orgs.right, orgs.found),
        _ratio(orgs.right, orgs.wanted),
    )
    report = "\n".join(persons.misses + orgs.misses)
    floors = FLOORS[name]
    assert all(g >= f for g, f in zip(got, floors, strict=True)), f"{got} < {floors}\n{report}"
