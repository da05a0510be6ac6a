"""Customers: list, read, create, replace and delete."""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.database import route_session
from app.models import Customer
from app.paging import page_of
from app.schemas import MAX_INTEGER, NO_NUL, CustomerIn, CustomerOut, CustomerPage
from app.search import matching
from app.security import Principal, current_principal, require_roles

router = APIRouter(prefix="/api/customers/customers", tags=["customers"])

# An id the database cannot hold is a 422, not an overflow deep in the driver.
ItemId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]

# Accounts of this role see and change only the records they created.
OWNER_ROLE = "customer"


def _may_see(item: Customer, principal: Principal) -> bool:
    return principal.role != OWNER_ROLE or item.owner_subject == principal.subject


# Endpoints that touch only this service's database are `async def`, run on the event loop: each is
# a few short queries on indexes, a read never waits for a lock (SQLite in write-ahead mode,
# PostgreSQL's snapshots) and a write only for another's commit, and a hand-off to a worker thread
# and back would cost more than the query, and make a write wait its turn behind the reads twice.
# Those that call another service over HTTP (which may take up to its timeout) are plain `def`,
# which FastAPI runs in its thread pool, so that the event loop never waits for another service.
@router.get("", response_model=CustomerPage)
async def list_customers(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_INTEGER),
    page_size: int | None = Query(None, ge=1, le=200),
    q: str | None = Query(None, max_length=100, pattern=NO_NUL, description="Text to search for"),
    filter_email: str | None = Query(None, alias="email", pattern=NO_NUL),
    filter_full_name: str | None = Query(None, alias="full_name", pattern=NO_NUL),
    filter_phone: str | None = Query(None, alias="phone", pattern=NO_NUL),
    filter_marketing_opt_in: bool | None = Query(None, alias="marketing_opt_in"),
    session: Session = route_session, _reader: Principal = Depends(current_principal),
):
    size = page_size or request.app.state.settings.page_size
    query = select(Customer)
    for column, value in (
        (Customer.email, filter_email.strip().lower() if filter_email is not None else None),
        (Customer.full_name, filter_full_name),
        (Customer.phone, filter_phone),
        (Customer.marketing_opt_in, filter_marketing_opt_in),
    ):
        if value is not None:
            query = query.where(column == value)
    if _reader.role == OWNER_ROLE:
        query = query.where(Customer.owner_subject == _reader.subject)
    if q:
        query = query.where(matching(session, Customer.id, [Customer.email, Customer.full_name, Customer.phone], q))
    return page_of(session, query, Customer.id, page, size)


@router.get("/{item_id}", response_model=CustomerOut)
async def get_customer(item_id: ItemId, session: Session = route_session, _reader: Principal = Depends(current_principal)):
    item = session.get(Customer, item_id)
    if item is None or not _may_see(item, _reader):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no customer {item_id}")
    return item


def _check_payload(payload: CustomerIn, session: Session, request: Request, writer: Principal) -> None:
    if writer.role == OWNER_ROLE and payload.email != writer.email:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "email: must be the email of your own account")


def _save(session: Session, item: Customer) -> Customer:
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        # The database's own words stay in the log: they name tables and constraints.
        logging.getLogger(__name__).info("409: %s", error.orig)
        raise HTTPException(status.HTTP_409_CONFLICT, "conflicts with the stored customers: a value that must be unique is taken, or a reference does not hold")
    session.refresh(item)
    return item


@router.post("", response_model=CustomerOut, status_code=status.HTTP_201_CREATED)
async def create_customer(payload: CustomerIn, request: Request, session: Session = route_session, writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    _check_payload(payload, session, request, writer)
    item = Customer(**payload.model_dump())
    item.owner_subject = writer.subject if writer.role == OWNER_ROLE else None
    session.add(item)
    return _save(session, item)


@router.put("/{item_id}", response_model=CustomerOut)
async def replace_customer(item_id: ItemId, payload: CustomerIn, request: Request, session: Session = route_session, writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    item = session.get(Customer, item_id)
    if item is None or not _may_see(item, writer):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no customer {item_id}")
    _check_payload(payload, session, request, writer)
    for name, value in payload.model_dump().items():
        setattr(item, name, value)
    return _save(session, item)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_customer(item_id: ItemId, session: Session = route_session, writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    item = session.get(Customer, item_id)
    if item is None or not _may_see(item, writer):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no customer {item_id}")
    session.delete(item)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, f"customer {item_id} is still referenced")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
