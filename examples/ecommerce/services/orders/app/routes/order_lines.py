"""Order lines: list, read, and nothing else (they are written with their purchase_order)."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, status
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.database import get_session
from app.models import OrderLine
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


@router.get("", response_model=OrderLinePage)
def list_order_lines(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_INTEGER),
    page_size: int | None = Query(None, ge=1, le=200),
    q: str | None = Query(None, max_length=100, pattern=NO_NUL, description="Text to search for"),
    filter_quantity: int | None = Query(None, alias="quantity", ge=-MAX_INTEGER, le=MAX_INTEGER),
    filter_product_name: str | None = Query(None, alias="product_name", pattern=NO_NUL),
    filter_purchase_order_id: int | None = Query(None, alias="purchase_order_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    filter_product_id: int | None = Query(None, alias="product_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    session: Session = Depends(get_session), _reader: Principal = Depends(current_principal),
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
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(OrderLine.id).offset((page - 1) * size).limit(size)).all()
    return OrderLinePage(items=items, total=total, page=page, page_size=size)


@router.get("/{item_id}", response_model=OrderLineOut)
def get_order_line(item_id: ItemId, session: Session = Depends(get_session), _reader: Principal = Depends(current_principal)):
    item = session.get(OrderLine, item_id)
    if item is None or not _may_see(item, _reader):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no order_line {item_id}")
    return item
