"""`q` from the word index: the query's words, `sort=relevance` and its cursor, snippets."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.api.repositories import text_search
from app.api.repositories.text_search import NO_WORD, fts_query, query_words, ts_query
from tests.api.helpers import ids, walk
from tests.briefs_revised import BEFORE


@pytest.mark.parametrize(
    ("q", "expected"),
    [(None, ()), ("", ()), ("%", (NO_WORD,)), ('"', (NO_WORD,)),
     ('"Talks" AND talks', ("talks", "and")), ("U.S.-led", ("u", "s", "led")),
     ("Élysée  ÉLYSÉE", ("elysee",)), ("北京, Москва", ("北京", "москва"))],
)  # fmt: skip
def test_query_words_are_the_folded_words_once_each(
    q: str | None, expected: tuple[str, ...]
) -> None:
    assert query_words(q) == expected


def test_queries_quote_every_word() -> None:
    assert fts_query(["grain", 'a"b']) == '"grain"* "a""b"*'
    assert ts_query(["grain", "o'k"]) == "'grain':* & 'o''k':*"


SANCTIONS = BEFORE.replace(
    "A convoy of forty trucks crossed the border on Sunday.",
    "Sanctions, more sanctions: SANCTIONS.",
).replace(
    "The talks will resume in June.",
    "The talks on many other matters, trade among them and sanctions, will resume in June "
    "after a long pause <b>announced</b> by officials & <script>alert(1)</script> aides.",
)


@pytest.fixture
def searched(empty_client: TestClient, api_key: str) -> TestClient:
    """A client over one brief whose claims hold `sanctions` three times and once."""
    posted = empty_client.post(
        "/v1/briefs",
        content=SANCTIONS.encode(),
        headers={"Authorization": f"Bearer {api_key}", "Content-Type": "text/plain"},
    )
    assert posted.status_code == 201, posted.text
    return empty_client


def _items(client: TestClient, path: str, **params: object) -> list[dict[str, object]]:
    response = client.get(path, params={"limit": 200, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, object]] = response.json()["items"]
    return items


def test_relevance_puts_the_best_match_first(searched: TestClient) -> None:
    items = _items(searched, "/v1/claims", q="sanct", sort="relevance")
    texts = [str(item["text"]) for item in items]
    assert len(texts) == 2
    assert texts[0] == "Sanctions, more sanctions: SANCTIONS."
    assert texts[1].startswith("The talks on many other matters")


def test_relevance_pages_every_row_once_in_the_same_order(client: TestClient) -> None:
    for q in ("macron", "the", "a"):
        ranked = ids(client, "/v1/claims", {"q": q, "sort": "relevance"})
        assert sorted(ranked) == sorted(ids(client, "/v1/claims", {"q": q}))
        assert walk(client, "/v1/claims", {"q": q, "sort": "relevance"}, limit=1) == ranked
    for path in ("/v1/briefs", "/v1/statements", "/v1/events"):
        ranked = ids(client, path, {"q": "the", "sort": "relevance"})
        assert walk(client, path, {"q": "the", "sort": "relevance"}, limit=2) == ranked


def test_relevance_needs_q(client: TestClient) -> None:
    for path in ("/v1/claims", "/v1/statements", "/v1/briefs", "/v1/events"):
        response = client.get(path, params={"sort": "relevance"})
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["invalid_params"][0]["name"] == "query.sort"
    assert ids(client, "/v1/claims", {"sort": "relevance", "q": "%"}) == []


def test_a_date_cursor_is_refused_by_relevance_and_back(client: TestClient) -> None:
    dated = client.get("/v1/claims", params={"q": "macron", "limit": 1}).json()["next_cursor"]
    response = client.get("/v1/claims", params={"q": "macron", "sort": "relevance",
                                                 "cursor": dated})  # fmt: skip
    assert response.status_code == 422
    ranked = client.get("/v1/claims", params={"q": "macron", "sort": "relevance", "limit": 1})
    cursor = ranked.json()["next_cursor"]
    response = client.get("/v1/claims", params={"q": "macron", "cursor": cursor})
    assert response.status_code == 422


def test_total_counts_the_matching_rows(client: TestClient) -> None:
    for sort in ("-occurred_on", "relevance"):
        body = client.get(
            "/v1/claims", params={"q": "macron", "include_total": "true", "sort": sort}
        ).json()
        assert body["total"] == len(ids(client, "/v1/claims", {"q": "macron"})) == 3


def test_snippets_show_the_match_as_written(client: TestClient) -> None:
    (item,) = _items(client, "/v1/claims", q="elys")
    assert item["snippet"] == {"text": "Macron hosted Zelenskyy at the Élysée.", "start": 31,
                               "end": 37}  # fmt: skip
    assert all("snippet" not in item for item in _items(client, "/v1/claims"))
    for path in ("/v1/briefs", "/v1/statements", "/v1/events"):
        for found in _items(client, path, q="the"):
            snippet = found["snippet"]
            assert isinstance(snippet, dict)
            assert snippet["text"][snippet["start"] : snippet["end"]].lower().startswith("the")


def test_snippets_are_plain_text_never_markup(searched: TestClient) -> None:
    (item,) = _items(searched, "/v1/claims", q="announced")
    snippet = item["snippet"]
    assert isinstance(snippet, dict)
    assert "<b>announced</b>" in snippet["text"]  # the text as written, nothing added
    assert snippet["text"][snippet["start"] : snippet["end"]] == "announced"
    (item,) = _items(searched, "/v1/claims", q="script alert")
    assert "<script>alert(1)</script>" in str(item["snippet"])


def test_exports_are_unchanged_by_snippets(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"q": "macron", "format": "csv"})
    assert response.status_code == 200
    assert "snippet" not in response.text.splitlines()[0]
    response = client.get("/v1/claims", params={"q": "macron", "format": "ndjson",
                                                "sort": "relevance"})  # fmt: skip
    assert response.status_code == 200
    assert len(response.text.splitlines()) == 3
    assert "snippet" not in response.text


COMMON_QUERIES = ("macron", "the", "a", "ukr por", "twenty-six", "elys", "t", "zz", "talks\x00")


def test_common_words_give_the_same_rows_read_either_way(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read from the index then sorted, or (SQLite, a common word) each row checked in the
    list's order: the same rows, in the same order, on every page."""
    paths = ("/v1/claims", "/v1/statements", "/v1/briefs", "/v1/events")
    from_index = {(p, q): walk(client, p, {"q": q}, limit=2) for p in paths for q in COMMON_QUERIES}
    monkeypatch.setattr(text_search, "COMMON_FACTOR", 0)  # every word is common
    for (path, q), expected in from_index.items():
        assert walk(client, path, {"q": q}, limit=2) == expected, (path, q)
