"""Purchase orders: list, read, place with their lines, and move through status's transitions (never replaced or deleted)."""

import logging
import uuid
from decimal import Decimal
from typing import Annotated, NamedTuple

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, status
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.database import closes_its_session, route_session
from app.models import PurchaseOrder, OrderLine
from app.paging import page_of
from app.schemas import MAX_INTEGER, NO_NUL, PurchaseOrderIn, PurchaseOrderOut, PurchaseOrderPage, PurchaseOrderLineIn, PurchaseOrderPlacement, PurchaseOrderPlaced, MAX_MONEY
from app.search import matching
from app.security import Principal, current_principal, require_roles

router = APIRouter(prefix="/api/orders/purchase_orders", tags=["purchase_orders"])

# An id the database cannot hold is a 422, not an overflow deep in the driver.
ItemId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]

# Accounts of this role see and change only the records they created.
OWNER_ROLE = "customer"


def _may_see(item: PurchaseOrder, principal: Principal) -> bool:
    return principal.role != OWNER_ROLE or item.owner_subject == principal.subject


class Transition(NamedTuple):
    to: str
    # Each role that may take the transition, and the states it may take it from.
    by: dict[str, tuple[str, ...]]
    # The column that keeps who took it, if any.
    records: str | None = None


# Placing a purchase_order takes each line's product's stock in the catalog service; these give it back.
RESERVATIONS = "/api/catalog/products/reservations"
RELEASED_BY = ("cancel",)
# A purchase_order starts pending, and its status changes only through these.
INITIAL_STATE = "pending"
TRANSITIONS = {
    "pay": Transition("paid", {"staff": ("pending",), "admin": ("pending",)}, records="paid_by"),
    "ship": Transition("shipped", {"staff": ("paid",), "admin": ("paid",)}),
    "deliver": Transition("delivered", {"staff": ("shipped",), "admin": ("shipped",)}),
    "cancel": Transition("cancelled", {"customer": ("pending",), "staff": ("pending", "paid"), "admin": ("pending", "paid")}),
}


# Endpoints that touch only this service's database are `async def`, run on the event loop: each is
# a few short queries on indexes, a read never waits for a lock (SQLite in write-ahead mode,
# PostgreSQL's snapshots) and a write only for another's commit, and a hand-off to a worker thread
# and back would cost more than the query, and make a write wait its turn behind the reads twice.
# Those that call another service over HTTP (which may take up to its timeout) are plain `def`,
# which FastAPI runs in its thread pool, so that the event loop never waits for another service.
@router.get("", response_model=PurchaseOrderPage)
async def list_purchase_orders(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_INTEGER),
    page_size: int | None = Query(None, ge=1, le=200),
    q: str | None = Query(None, max_length=100, pattern=NO_NUL, description="Text to search for"),
    filter_status: str | None = Query(None, alias="status", pattern=NO_NUL),
    filter_customer_id: int | None = Query(None, alias="customer_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    filter_shipping_address_id: int | None = Query(None, alias="shipping_address_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    session: Session = route_session, _reader: Principal = Depends(current_principal),
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
        query = query.where(matching(session, PurchaseOrder.id, [PurchaseOrder.notes], q))
    return page_of(session, query, PurchaseOrder.id, page, size)


@router.get("/{item_id}", response_model=PurchaseOrderOut)
async def get_purchase_order(item_id: ItemId, session: Session = route_session, _reader: Principal = Depends(current_principal)):
    item = session.get(PurchaseOrder, item_id)
    if item is None or not _may_see(item, _reader):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no purchase_order {item_id}")
    return item


def _check_payload(payload: PurchaseOrderIn, session: Session, request: Request, writer: Principal) -> None:
    if payload.customer_id is None:
        # An account of the owning role may leave it out, meaning its own customer; others say whose.
        if writer.role != OWNER_ROLE:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "customer_id: required when acting for someone")
        mine = request.app.state.clients["customers"].own_ids("/api/customers/customers", writer.token)
        payload.customer_id = _only_one(mine, "customer_id", "customer")
    if not request.app.state.clients["customers"].exists(f"/api/customers/customers/{payload.customer_id}", writer.token):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"customer_id: no customer {payload.customer_id} in the customers service")
    if payload.shipping_address_id is not None and not request.app.state.clients["customers"].exists(f"/api/customers/addresses/{payload.shipping_address_id}", writer.token):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"shipping_address_id: no address {payload.shipping_address_id} in the customers service")


def _only_one(ids: list[int], field: str, what: str) -> int:
    """The id of the caller's own record, when it keeps exactly one."""
    if len(ids) == 1:
        return ids[0]
    problem = f"this account has no {what} yet" if not ids else f"this account has more than one {what}; say which"
    raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{field}: {problem}")


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


@router.post("", response_model=PurchaseOrderPlaced, status_code=status.HTTP_201_CREATED)
@closes_its_session
def create_purchase_order(payload: PurchaseOrderPlacement, request: Request, session: Session = route_session, writer: Principal = Depends(require_roles("customer", "staff", "admin"))):
    _check_payload(payload, session, request, writer)
    item = PurchaseOrder(**payload.model_dump(exclude={"lines"}))
    item.status = INITIAL_STATE
    item.owner_subject = writer.subject if writer.role == OWNER_ROLE else None
    return _place(item, payload.lines, session, request)


def _place(item: PurchaseOrder, wanted: list[PurchaseOrderLineIn], session: Session, request: Request) -> PurchaseOrder:
    """Saves the purchase_order with its order_lines, each at its product's price now, or saves nothing."""
    # Every line's stock is taken at once, under a key that makes a retry take nothing more.
    item.reservation_key = f"purchase_order-{uuid.uuid4().hex}"
    stock = request.app.state.clients["catalog"]
    reserved = stock.reserve(RESERVATIONS, item.reservation_key, [{"product_id": line.product_id, "quantity": line.quantity} for line in wanted])
    try:
        prices = {line["product_id"]: Decimal(str(line["unit_price"])) for line in reserved["lines"]}
        item.total = sum((prices[line.product_id] * line.quantity for line in wanted), Decimal(0))
        if item.total > MAX_MONEY:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"lines: a total of {item.total} is more than a purchase_order can hold")
        item.placed_at = func.now()
        session.add(item)
        session.flush()
        lines = [
            OrderLine(purchase_order_id=item.id, product_id=line.product_id, quantity=line.quantity, unit_price=prices[line.product_id], owner_subject=item.owner_subject)
            for line in wanted
        ]
        session.add_all(lines)
        _save(session, item)
    except Exception:
        # Not saved, so not taken: the stock goes back.
        session.rollback()
        stock.release(f"{RESERVATIONS}/{item.reservation_key}")
        raise
    item.lines = lines
    return item


def _move(item_id: int, name: str, session: Session, actor: Principal, request: Request) -> PurchaseOrder:
    """Takes the transition `name`, or says why it cannot be taken now."""
    transition = TRANSITIONS[name]
    item = session.get(PurchaseOrder, item_id)
    if item is None or not _may_see(item, actor):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no purchase_order {item_id}")
    current = item.status
    if current not in transition.by.get(actor.role, ()):
        allowed = [other for other, step in TRANSITIONS.items() if current in step.by.get(actor.role, ())]
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"purchase_order {item_id} is {current}; {name} is not allowed from {current}. Allowed now: {', '.join(allowed) or 'none'}",
        )
    changes = {"status": transition.to}
    if transition.records:
        changes[transition.records] = actor.subject
    # Only from the state just read: of two requests moving the same purchase_order at once, one wins and the other gets a 409.
    moved = session.execute(update(PurchaseOrder).where(PurchaseOrder.id == item_id, PurchaseOrder.status == current).values(**changes))
    if moved.rowcount != 1:
        session.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, f"purchase_order {item_id} changed while this request read it; read it again")
    if name in RELEASED_BY and item.reservation_key:
        # Given back before the move is committed: if the catalog service cannot take it back, nothing moves.
        try:
            request.app.state.clients["catalog"].release(f"{RESERVATIONS}/{item.reservation_key}")
        except HTTPException:
            session.rollback()
            raise
    session.commit()
    session.refresh(item)
    return item


@router.post("/{item_id}/pay", response_model=PurchaseOrderOut)
@closes_its_session
def purchase_order_pay(item_id: ItemId, request: Request, session: Session = route_session, actor: Principal = Depends(require_roles("staff", "admin"))):
    """Moves a purchase_order to paid: staff or admin from pending."""
    return _move(item_id, "pay", session, actor, request)


@router.post("/{item_id}/ship", response_model=PurchaseOrderOut)
@closes_its_session
def purchase_order_ship(item_id: ItemId, request: Request, session: Session = route_session, actor: Principal = Depends(require_roles("staff", "admin"))):
    """Moves a purchase_order to shipped: staff or admin from paid."""
    return _move(item_id, "ship", session, actor, request)


@router.post("/{item_id}/deliver", response_model=PurchaseOrderOut)
@closes_its_session
def purchase_order_deliver(item_id: ItemId, request: Request, session: Session = route_session, actor: Principal = Depends(require_roles("staff", "admin"))):
    """Moves a purchase_order to delivered: staff or admin from shipped."""
    return _move(item_id, "deliver", session, actor, request)


@router.post("/{item_id}/cancel", response_model=PurchaseOrderOut)
@closes_its_session
def purchase_order_cancel(item_id: ItemId, request: Request, session: Session = route_session, actor: Principal = Depends(require_roles("customer", "staff", "admin"))):
    """Moves a purchase_order to cancelled: customer from pending; staff or admin from pending or paid."""
    return _move(item_id, "cancel", session, actor, request)
