"""The queries every contender answers: the same filters, the same page size."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from bench.scale.servers import get

ACTOR = "france"
STATUS = "verified"
DATE_FROM = "2019-01-01"
DATE_TO = "2023-12-31"
PAGE = 50
FILTERS = {"actor": ACTOR, "date_from": DATE_FROM, "date_to": DATE_TO, "limit": PAGE}

# What Chancery's claim page holds (brief title and date, actors as objects ordered by
# name), asked of SQLite in one statement, newest first like Chancery's default order.
DATASETTE_SQL = """
select c.id, c.text, c.status, c.section, c.occurred_on, c.span_start, c.span_end,
  c.brief_id, b.title as brief_title, b.occurred_on as brief_occurred_on,
  (select json_group_array(json_object('id', a.id, 'slug', a.slug, 'name', a.name,
     'kind', a.kind))
   from (select a.* from claim_actors ca join actors a on a.id = ca.actor_id
         where ca.claim_id = c.id order by a.name, a.id) a) as actors
from claims c join briefs b on b.id = c.brief_id
where exists (select 1 from claim_actors x join actors y on y.id = x.actor_id
              where x.claim_id = c.id and y.slug = :actor)
  and c.status = :status and c.occurred_on >= :date_from and c.occurred_on <= :date_to
order by c.occurred_on desc, c.id desc
limit 50
"""


def chancery_path(resource: str, **extra: object) -> str:
    """`/v1/<resource>` with the shared filters (claims also by status)."""
    params: dict[str, object] = dict(FILTERS)
    if resource == "claims":
        params["status"] = STATUS
    params.update(extra)
    return f"/v1/{resource}?{urlencode(params)}"


def datasette_sql_path(
    database: str,
    actor: str = ACTOR,
    status: str = STATUS,
    date_from: str = DATE_FROM,
    date_to: str = DATE_TO,
) -> str:
    """Datasette's query endpoint running the equivalent SQL (the shared filters unless
    others are given)."""
    sql = " ".join(DATASETTE_SQL.split())
    params = {"sql": sql, "actor": actor, "status": status}
    params |= {"date_from": date_from, "date_to": date_to, "_shape": "objects"}
    return f"/{database}.json?{urlencode(params)}"


def datasette_table_path(database: str) -> str:
    """Datasette's table view of claims: same filters, `_size=50`, no count, no facets."""
    where = (
        "id in (select claim_id from claim_actors where actor_id = "
        f"(select id from actors where slug = '{ACTOR}'))"
    )
    params = {
        "status": STATUS,
        "occurred_on__gte": DATE_FROM,
        "occurred_on__lte": DATE_TO,
        "_where": where,
        "_sort_desc": "occurred_on",
        "_size": PAGE,
        "_nocount": 1,
        "_nofacet": 1,
    }
    return f"/{database}/claims.json?{urlencode(params)}"


def fetch_ok(url: str) -> bytes:
    """The body of a 200 answer; anything else stops the run."""
    status, body = get(url)
    if status != 200:
        raise RuntimeError(f"{url} answered {status}: {body[:300]!r}")
    return body


def cursor_at(base: str, path: str, pages: int) -> tuple[str, int]:
    """The path of page `pages` of a cursor walk (or the last page), and its number."""
    current = path
    for number in range(1, pages):
        token = json.loads(fetch_ok(base + current)).get("next_cursor")
        if token is None:
            return current, number
        current = f"{path}&{urlencode({'cursor': token})}"
    return current, pages
