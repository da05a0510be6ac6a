"""Order lines: list, read, create, replace and delete."""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.database import get_session
from app.models import OrderLine, PurchaseOrder
from app.schemas import MAX_INTEGER, NO_NUL, contains_pattern, OrderLineIn, OrderLineOut, OrderLinePage
from app.security import Principal, current_principal, require_roles

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
        pattern = contains_pattern(q)
        query = query.where(or_(OrderLine.product_name.ilike(pattern, escape="\\")))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(OrderLine.id).offset((page - 1) * size).limit(size)).all()
    return OrderLinePage(items=items, total=total, page=page, page_size=size)


@router.get("/{item_id}", response_model=OrderLineOut)
def get_order_line(item_id: ItemId, session: Session = Depends(get_session), _reader: Principal = Depends(current_principal)):
    item = session.get(OrderLine, item_id)
    if item is None or not _may_see(item, _reader):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no order_line {item_id}")
    return item


def _check_payload(payload: OrderLineIn, session: Session, request: Request, writer: Principal) -> None:
    if not _referable(session.get(PurchaseOrder, payload.purchase_order_id), writer, "customer"):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"purchase_order_id: no purchase_order {payload.purchase_order_id}")
    if not request.app.state.clients["catalog"].exists(f"/api/catalog/products/{payload.product_id}", writer.token):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"product_id: no product {payload.product_id} in the catalog service")


def _referable(record, principal: Principal, owner_role: str) -> bool:
    """Whether the caller may point at `record`: it exists and, for an owner, is its own."""
    return record is not None and (principal.role != owner_role or record.owner_subject == principal.subject)


def _save(session: Session, item: OrderLine) -> OrderLine:
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        # The database's own words stay in the log: they name tables and constraints.
        logging.getLogger(__name__).info("409: %s", error.orig)
        raise HTTPException(status.HTTP_409_CONFLICT, "conflicts with the stored order_lines: a value that must be unique is taken, or a reference does not hold")
    session.refresh(item)
    return item


@router.post("", response_model=OrderLineOut, status_code=status.HTTP_201_CREATED)
def create_order_line(payload: OrderLineIn, request: Request, session: Session = Depends(get_session), writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    _check_payload(payload, session, request, writer)
    item = OrderLine(**payload.model_dump())
    item.owner_subject = writer.subject if writer.role == OWNER_ROLE else None
    session.add(item)
    return _save(session, item)


@router.put("/{item_id}", response_model=OrderLineOut)
def replace_order_line(item_id: ItemId, payload: OrderLineIn, request: Request, session: Session = Depends(get_session), writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    item = session.get(OrderLine, item_id)
    if item is None or not _may_see(item, writer):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no order_line {item_id}")
    _check_payload(payload, session, request, writer)
    for name, value in payload.model_dump().items():
        setattr(item, name, value)
    return _save(session, item)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_order_line(item_id: ItemId, session: Session = Depends(get_session), writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    item = session.get(OrderLine, item_id)
    if item is None or not _may_see(item, writer):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no order_line {item_id}")
    session.delete(item)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, f"order_line {item_id} is still referenced")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
