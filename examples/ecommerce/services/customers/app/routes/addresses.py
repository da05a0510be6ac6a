"""Addresses: list, read, create, replace and delete."""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.database import route_session
from app.models import Address, Customer
from app.paging import page_of
from app.schemas import MAX_INTEGER, NO_NUL, AddressIn, AddressOut, AddressPage
from app.search import matching
from app.security import Principal, current_principal, require_roles

router = APIRouter(prefix="/api/customers/addresses", tags=["addresses"])

# An id the database cannot hold is a 422, not an overflow deep in the driver.
ItemId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]

# Accounts of this role see and change only the records they created.
OWNER_ROLE = "customer"


def _may_see(item: Address, principal: Principal) -> bool:
    return principal.role != OWNER_ROLE or item.owner_subject == principal.subject


# Endpoints that touch only this service's database are `async def`, run on the event loop: each is
# a few short queries on indexes, a read never waits for a lock (SQLite in write-ahead mode,
# PostgreSQL's snapshots) and a write only for another's commit, and a hand-off to a worker thread
# and back would cost more than the query, and make a write wait its turn behind the reads twice.
# Those that call another service over HTTP (which may take up to its timeout) are plain `def`,
# which FastAPI runs in its thread pool, so that the event loop never waits for another service.
@router.get("", response_model=AddressPage)
async def list_addresses(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_INTEGER),
    page_size: int | None = Query(None, ge=1, le=200),
    q: str | None = Query(None, max_length=100, pattern=NO_NUL, description="Text to search for"),
    filter_label: str | None = Query(None, alias="label", pattern=NO_NUL),
    filter_line1: str | None = Query(None, alias="line1", pattern=NO_NUL),
    filter_city: str | None = Query(None, alias="city", pattern=NO_NUL),
    filter_postal_code: str | None = Query(None, alias="postal_code", pattern=NO_NUL),
    filter_country_code: str | None = Query(None, alias="country_code", pattern=NO_NUL),
    filter_customer_id: int | None = Query(None, alias="customer_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    session: Session = route_session, _reader: Principal = Depends(current_principal),
):
    size = page_size or request.app.state.settings.page_size
    query = select(Address)
    for column, value in (
        (Address.label, filter_label),
        (Address.line1, filter_line1),
        (Address.city, filter_city),
        (Address.postal_code, filter_postal_code),
        (Address.country_code, filter_country_code),
        (Address.customer_id, filter_customer_id),
    ):
        if value is not None:
            query = query.where(column == value)
    if _reader.role == OWNER_ROLE:
        query = query.where(Address.owner_subject == _reader.subject)
    if q:
        query = query.where(matching(session, Address.id, [Address.label, Address.line1, Address.city, Address.postal_code, Address.country_code], q))
    return page_of(session, query, Address.id, page, size)


@router.get("/{item_id}", response_model=AddressOut)
async def get_address(item_id: ItemId, session: Session = route_session, _reader: Principal = Depends(current_principal)):
    item = session.get(Address, item_id)
    if item is None or not _may_see(item, _reader):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no address {item_id}")
    return item


def _check_payload(payload: AddressIn, session: Session, request: Request, writer: Principal) -> None:
    if payload.customer_id is None:
        # An account of the owning role may leave it out, meaning its own customer; others say whose.
        if writer.role != OWNER_ROLE:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "customer_id: required when acting for someone")
        mine = session.scalars(select(Customer.id).where(Customer.owner_subject == writer.subject).order_by(Customer.id).limit(2)).all()
        payload.customer_id = _only_one(mine, "customer_id", "customer")
    if not _referable(session.get(Customer, payload.customer_id), writer, "customer"):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"customer_id: no customer {payload.customer_id}")


def _only_one(ids: list[int], field: str, what: str) -> int:
    """The id of the caller's own record, when it keeps exactly one."""
    if len(ids) == 1:
        return ids[0]
    problem = f"this account has no {what} yet" if not ids else f"this account has more than one {what}; say which"
    raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{field}: {problem}")


def _referable(record, principal: Principal, owner_role: str) -> bool:
    """Whether the caller may point at `record`: it exists and, for an owner, is its own."""
    return record is not None and (principal.role != owner_role or record.owner_subject == principal.subject)


def _save(session: Session, item: Address) -> Address:
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        # The database's own words stay in the log: they name tables and constraints.
        logging.getLogger(__name__).info("409: %s", error.orig)
        raise HTTPException(status.HTTP_409_CONFLICT, "conflicts with the stored addresses: a value that must be unique is taken, or a reference does not hold")
    session.refresh(item)
    return item


@router.post("", response_model=AddressOut, status_code=status.HTTP_201_CREATED)
async def create_address(payload: AddressIn, request: Request, session: Session = route_session, writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    _check_payload(payload, session, request, writer)
    item = Address(**payload.model_dump())
    item.owner_subject = writer.subject if writer.role == OWNER_ROLE else None
    session.add(item)
    return _save(session, item)


@router.put("/{item_id}", response_model=AddressOut)
async def replace_address(item_id: ItemId, payload: AddressIn, request: Request, session: Session = route_session, writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    item = session.get(Address, item_id)
    if item is None or not _may_see(item, writer):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no address {item_id}")
    _check_payload(payload, session, request, writer)
    for name, value in payload.model_dump().items():
        setattr(item, name, value)
    return _save(session, item)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_address(item_id: ItemId, session: Session = route_session, writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    item = session.get(Address, item_id)
    if item is None or not _may_see(item, writer):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no address {item_id}")
    session.delete(item)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, f"address {item_id} is still referenced")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
