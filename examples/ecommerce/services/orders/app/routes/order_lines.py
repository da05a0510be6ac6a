"""Order lines: list, read, and nothing else (they are written with their purchase_order)."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.database import route_session
from app.models import OrderLine
from app.paging import page_of
from app.schemas import MAX_INTEGER, NO_NUL, OrderLineOut, OrderLinePage
from app.search import matching
from app.security import Principal, current_principal

router = APIRouter(prefix="/api/orders/order_lines", tags=["order_lines"])

# An id the database cannot hold is a 422, not an overflow deep in the driver.
ItemId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]

# Accounts of this role see and change only the records they created.
OWNER_ROLE = "customer"


def _may_see(item: OrderLine, principal: Principal) -> bool:
    return principal.role != OWNER_ROLE or item.owner_subject == principal.subject


# Endpoints that touch only this service's database are `async def`, run on the event loop: each is
# a few short queries on indexes, a read never waits for a lock (SQLite in write-ahead mode,
# PostgreSQL's snapshots) and a write only for another's commit, and a hand-off to a worker thread
# and back would cost more than the query, and make a write wait its turn behind the reads twice.
# Those that call another service over HTTP (which may take up to its timeout) are plain `def`,
# which FastAPI runs in its thread pool, so that the event loop never waits for another service.
@router.get("", response_model=OrderLinePage)
async def list_order_lines(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_INTEGER),
    page_size: int | None = Query(None, ge=1, le=200),
    q: str | None = Query(None, max_length=100, pattern=NO_NUL, description="Text to search for"),
    filter_quantity: int | None = Query(None, alias="quantity", ge=-MAX_INTEGER, le=MAX_INTEGER),
    filter_product_name: str | None = Query(None, alias="product_name", pattern=NO_NUL),
    filter_purchase_order_id: int | None = Query(None, alias="purchase_order_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    filter_product_id: int | None = Query(None, alias="product_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    session: Session = route_session, _reader: Principal = Depends(current_principal),
):
    size = page_size or request.app.state.settings.page_size
    query = select(OrderLine)
    for column, value in (
        (OrderLine.quantity, filter_quantity),
        (OrderLine.product_name, filter_product_name),
        (OrderLine.purchase_order_id, filter_purchase_order_id),
        (OrderLine.product_id, filter_product_id),
    ):
        if value is not None:
            query = query.where(column == value)
    if _reader.role == OWNER_ROLE:
        query = query.where(OrderLine.owner_subject == _reader.subject)
    if q:
        query = query.where(matching(session, OrderLine.id, [OrderLine.product_name], q))
    return page_of(session, query, OrderLine.id, page, size)


@router.get("/{item_id}", response_model=OrderLineOut)
async def get_order_line(item_id: ItemId, session: Session = route_session, _reader: Principal = Depends(current_principal)):
    item = session.get(OrderLine, item_id)
    if item is None or not _may_see(item, _reader):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no order_line {item_id}")
    return item
