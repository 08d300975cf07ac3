"""JSON text written by the database: the bytes orjson writes, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import orjson
import pytest
from sqlalchemy import Date, Engine, Integer, Text, bindparam, cast, null, select

from app.api.repositories.json_text import json_object_text

# Every ASCII character (but NUL, which PostgreSQL cannot hold), and beyond: escapes JSON
# requires, those orjson writes short (\b \t \n \f \r), DEL, separators JavaScript chokes
# on, accents and a character outside the BMP.
ASCII = "".join(map(chr, range(1, 128)))
TEXTS = [ASCII, 'Macron said "no" \\ twice\r\n', "\u2028\u2029 Élysée — 北京 🇺🇦", "", "'; --"]


@pytest.mark.parametrize("text", TEXTS)
def test_the_database_writes_what_orjson_writes(engine: Engine, text: str) -> None:
    fields = [
        ("text", bindparam("text", text, type_=Text)),
        ("nested", [
            ("n", bindparam("n", -42, type_=Integer)),
            ("on", bindparam("on", date(2025, 9, 4), type_=Date)),
            ("none", cast(null(), Text)),
        ]),
        ("last", bindparam("last", "x", type_=Text)),
    ]  # fmt: skip
    with engine.connect() as connection:
        written = connection.execute(select(json_object_text(engine.dialect.name, fields)))
        text_written = written.scalar_one()
    expected = {"text": text, "nested": {"n": -42, "on": date(2025, 9, 4), "none": None}}
    assert text_written.encode() == orjson.dumps(expected | {"last": "x"})
