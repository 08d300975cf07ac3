"""Values bound as one parameter: one statement built once answers any list of values,
empty, one or many, integers or text, on both databases."""

from __future__ import annotations

from sqlalchemy import Integer, Text, column, select, table, text

from app.db import get_engine
from app.storage.bound import bound_values, in_bound

ROWS = table("bound_rows", column("id", Integer), column("name", Text))


def test_one_statement_answers_any_list_of_values(database_url: str) -> None:
    engine = get_engine(database_url)
    dialect = engine.dialect.name
    by_id = select(ROWS.c.name).where(in_bound(ROWS.c.id, "ids", dialect)).order_by(ROWS.c.id)
    by_name = select(ROWS.c.id).where(in_bound(ROWS.c.name, "names", dialect, Text))
    with engine.connect() as connection:
        connection.execute(text("CREATE TEMPORARY TABLE bound_rows (id INTEGER, name TEXT)"))
        connection.execute(
            ROWS.insert(), [{"id": n, "name": f'name-{n}\'s "{n}"'} for n in range(1, 2001)]
        )

        def names(ids: list[int]) -> list[str]:
            rows = connection.execute(by_id, {"ids": bound_values(dialect, ids)})
            return [row[0] for row in rows]

        assert names([]) == []
        assert names([7]) == ['name-7\'s "7"']
        assert names([3, 1, 3, 99_999]) == ['name-1\'s "1"', 'name-3\'s "3"']
        assert len(names(list(range(1, 1501)))) == 1500  # a batch larger than any IN list
        assert names([-1, 2]) == ['name-2\'s "2"']  # a negative id in the array literal
        wanted = {"names": bound_values(dialect, ['name-5\'s "5"', "nobody"], Text)}
        assert [row[0] for row in connection.execute(by_name, wanted)] == [5]
