"""Purchase orders: list, read, create, replace and delete."""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.database import get_session
from app.models import PurchaseOrder
from app.schemas import MAX_INTEGER, NO_NUL, contains_pattern, PurchaseOrderIn, PurchaseOrderOut, PurchaseOrderPage
from app.security import Principal, current_principal, require_roles

router = APIRouter(prefix="/api/orders/purchase_orders", tags=["purchase_orders"])

# An id the database cannot hold is a 422, not an overflow deep in the driver.
ItemId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]

# Accounts of this role see and change only the records they created.
OWNER_ROLE = "customer"


def _may_see(item: PurchaseOrder, principal: Principal) -> bool:
    return principal.role != OWNER_ROLE or item.owner_subject == principal.subject


@router.get("", response_model=PurchaseOrderPage)
def list_purchase_orders(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_INTEGER),
    page_size: int | None = Query(None, ge=1, le=200),
    q: str | None = Query(None, max_length=100, pattern=NO_NUL, description="Text to search for"),
    filter_status: str | None = Query(None, alias="status", pattern=NO_NUL),
    filter_customer_id: int | None = Query(None, alias="customer_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    filter_shipping_address_id: int | None = Query(None, alias="shipping_address_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    session: Session = Depends(get_session), _reader: Principal = Depends(current_principal),
):
    size = page_size or request.app.state.settings.page_size
    query = select(PurchaseOrder)
    for column, value in (
        (PurchaseOrder.status, filter_status),
        (PurchaseOrder.customer_id, filter_customer_id),
        (PurchaseOrder.shipping_address_id, filter_shipping_address_id),
    ):
        if value is not None:
            query = query.where(column == value)
    if _reader.role == OWNER_ROLE:
        query = query.where(PurchaseOrder.owner_subject == _reader.subject)
    if q:
        pattern = contains_pattern(q)
        query = query.where(or_(PurchaseOrder.notes.ilike(pattern, escape="\\")))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(PurchaseOrder.id).offset((page - 1) * size).limit(size)).all()
    return PurchaseOrderPage(items=items, total=total, page=page, page_size=size)


@router.get("/{item_id}", response_model=PurchaseOrderOut)
def get_purchase_order(item_id: ItemId, session: Session = Depends(get_session), _reader: Principal = Depends(current_principal)):
    item = session.get(PurchaseOrder, item_id)
    if item is None or not _may_see(item, _reader):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no purchase_order {item_id}")
    return item


def _check_payload(payload: PurchaseOrderIn, session: Session, request: Request, writer: Principal) -> None:
    if not request.app.state.clients["customers"].exists(f"/api/customers/customers/{payload.customer_id}", writer.token):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"customer_id: no customer {payload.customer_id} in the customers service")
    if payload.shipping_address_id is not None and not request.app.state.clients["customers"].exists(f"/api/customers/addresses/{payload.shipping_address_id}", writer.token):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"shipping_address_id: no address {payload.shipping_address_id} in the customers service")


def _save(session: Session, item: PurchaseOrder) -> PurchaseOrder:
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        # The database's own words stay in the log: they name tables and constraints.
        logging.getLogger(__name__).info("409: %s", error.orig)
        raise HTTPException(status.HTTP_409_CONFLICT, "conflicts with the stored purchase_orders: a value that must be unique is taken, or a reference does not hold")
    session.refresh(item)
    return item


@router.post("", response_model=PurchaseOrderOut, status_code=status.HTTP_201_CREATED)
def create_purchase_order(payload: PurchaseOrderIn, request: Request, session: Session = Depends(get_session), writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    _check_payload(payload, session, request, writer)
    item = PurchaseOrder(**payload.model_dump())
    item.owner_subject = writer.subject if writer.role == OWNER_ROLE else None
    session.add(item)
    return _save(session, item)


@router.put("/{item_id}", response_model=PurchaseOrderOut)
def replace_purchase_order(item_id: ItemId, payload: PurchaseOrderIn, request: Request, session: Session = Depends(get_session), writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    item = session.get(PurchaseOrder, item_id)
    if item is None or not _may_see(item, writer):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no purchase_order {item_id}")
    _check_payload(payload, session, request, writer)
    for name, value in payload.model_dump().items():
        setattr(item, name, value)
    return _save(session, item)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_purchase_order(item_id: ItemId, session: Session = Depends(get_session), writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    item = session.get(PurchaseOrder, item_id)
    if item is None or not _may_see(item, writer):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no purchase_order {item_id}")
    session.delete(item)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, f"purchase_order {item_id} is still referenced")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
