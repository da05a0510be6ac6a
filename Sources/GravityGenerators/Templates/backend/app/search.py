"""q=: text anywhere in a record's searchable columns, in any case.

Three characters or more are looked up in the table's trigram index: on SQLite the FTS5 table the
migration keeps beside it, on PostgreSQL the pg_trgm indexes that ILIKE uses. Fewer characters have no
trigram to look up, so those are looked for row by row. What a user types is always one quoted
literal, never index query syntax: no input can make a query fail or mean more than its text.
"""

from sqlalchemy import ColumnElement, column, literal_column, or_, select, table
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.schemas import contains_pattern

# The shortest text a trigram index can find.
TRIGRAM = 3


def matching(session: Session, key: InstrumentedAttribute, columns: list[InstrumentedAttribute], text: str) -> ColumnElement[bool]:
    """The condition that a record (by `key`, its id) has `text` in one of `columns`."""
    if len(text) >= TRIGRAM and session.get_bind().dialect.name == "sqlite":
        index = table(f"{key.class_.__tablename__}_search", column("rowid"))
        # An FTS5 phrase: the text in double quotes, any double quote in it doubled.
        phrase = '"' + text.replace('"', '""') + '"'
        return key.in_(select(index.c.rowid).where(literal_column(index.name).op("MATCH")(phrase)))
    pattern = contains_pattern(text)
    return or_(*(searched.ilike(pattern, escape="\\") for searched in columns))
