"""A page of a list, with how many records the list holds: counted exactly up to a bound past the
page, so that a page of a table of millions costs what a page of a short one does. Past the bound
the answer says so (`total_exact` is false) rather than count every row for each page."""

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

# How many records past the end of a page are counted before the total is "at least".
COUNT_AHEAD = 1000


def page_of(session: Session, query: Select, key: InstrumentedAttribute, page: int, size: int) -> dict[str, Any]:
    """The page'th `size` records of `query` in `key` order, and the list's total."""
    offset = (page - 1) * size
    bound = offset + size + COUNT_AHEAD
    # Only the keys are counted, and no more than one past the bound: an index serves the count.
    counted = session.scalar(select(func.count()).select_from(query.with_only_columns(key).limit(bound + 1).subquery()))
    items = session.scalars(query.order_by(key).offset(offset).limit(size)).all()
    return {"items": items, "total": min(counted, bound), "total_exact": counted <= bound, "page": page, "page_size": size}
