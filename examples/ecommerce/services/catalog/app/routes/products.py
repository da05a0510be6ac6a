"""Products: list, read, create, replace and delete; reserve stock for orders and release it."""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.database import route_session
from app.models import Product, Category, ProductReservation, ProductReservationLine
from app.paging import page_of
from app.schemas import MAX_INTEGER, NO_NUL, ProductIn, ProductOut, ProductPage, ProductReservationIn, ProductReservationOut, ProductReservedLine
from app.search import matching
from app.security import Principal, current_principal, require_roles

router = APIRouter(prefix="/api/catalog/products", tags=["products"])

# An id the database cannot hold is a 422, not an overflow deep in the driver.
ItemId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]


# Endpoints that touch only this service's database are `async def`, run on the event loop: each is
# a few short queries on indexes, a read never waits for a lock (SQLite in write-ahead mode,
# PostgreSQL's snapshots) and a write only for another's commit, and a hand-off to a worker thread
# and back would cost more than the query, and make a write wait its turn behind the reads twice.
# Those that call another service over HTTP (which may take up to its timeout) are plain `def`,
# which FastAPI runs in its thread pool, so that the event loop never waits for another service.
@router.get("", response_model=ProductPage)
async def list_products(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_INTEGER),
    page_size: int | None = Query(None, ge=1, le=200),
    q: str | None = Query(None, max_length=100, pattern=NO_NUL, description="Text to search for"),
    filter_sku: str | None = Query(None, alias="sku", pattern=NO_NUL),
    filter_name: str | None = Query(None, alias="name", pattern=NO_NUL),
    filter_stock: int | None = Query(None, alias="stock", ge=-MAX_INTEGER, le=MAX_INTEGER),
    filter_status: str | None = Query(None, alias="status", pattern=NO_NUL),
    filter_category_id: int | None = Query(None, alias="category_id", ge=-MAX_INTEGER, le=MAX_INTEGER),
    session: Session = route_session,
):
    size = page_size or request.app.state.settings.page_size
    query = select(Product)
    for column, value in (
        (Product.sku, filter_sku),
        (Product.name, filter_name),
        (Product.stock, filter_stock),
        (Product.status, filter_status),
        (Product.category_id, filter_category_id),
    ):
        if value is not None:
            query = query.where(column == value)
    if q:
        query = query.where(matching(session, Product.id, [Product.sku, Product.name, Product.description], q))
    return page_of(session, query, Product.id, page, size)



def _reservation(session: Session, key: str) -> ProductReservation | None:
    return session.scalar(select(ProductReservation).where(ProductReservation.reservation_key == key))


def _reserved_lines(session: Session, reservation: ProductReservation) -> list[ProductReservationLine]:
    return list(session.scalars(select(ProductReservationLine).where(ProductReservationLine.reservation_id == reservation.id).order_by(ProductReservationLine.id)))


def _reservation_out(session: Session, reservation: ProductReservation) -> ProductReservationOut:
    lines = [
        ProductReservedLine(product_id=line.product_id, quantity=line.quantity, unit_price=line.unit_price)
        for line in _reserved_lines(session, reservation)
    ]
    return ProductReservationOut(key=reservation.reservation_key, released=reservation.released_at is not None, lines=lines)


def _again(session: Session, reservation: ProductReservation, wanted: dict[int, int], response: Response) -> ProductReservationOut:
    """A key sent again: the same lines get the reservation made the first time; other lines are a 409."""
    if {line.product_id: line.quantity for line in _reserved_lines(session, reservation)} != wanted:
        raise HTTPException(status.HTTP_409_CONFLICT, f"reservation {reservation.reservation_key} was made for other lines; use a new key")
    response.status_code = status.HTTP_200_OK
    return _reservation_out(session, reservation)


@router.post("/reservations", response_model=ProductReservationOut, status_code=status.HTTP_201_CREATED)
async def reserve_products(payload: ProductReservationIn, response: Response, session: Session = route_session, _actor: Principal = Depends(require_roles("service", "staff", "admin"))):
    """Takes stock for every line at once, or for none: a line above what is left is a 409 naming the product."""
    wanted: dict[int, int] = {}
    for line in payload.lines:
        wanted[line.product_id] = wanted.get(line.product_id, 0) + line.quantity
    existing = _reservation(session, payload.key)
    if existing is not None:
        return _again(session, existing, wanted, response)
    reservation = ProductReservation(reservation_key=payload.key)
    session.add(reservation)
    session.flush()
    for product_id, quantity in sorted(wanted.items()):
        # Conditional, in the database: of many buyers of the last units, only as many as there are units get them.
        taken = session.execute(
            update(Product).where(Product.id == product_id, Product.stock >= quantity).values(stock=Product.stock - quantity)
        )
        if taken.rowcount != 1:
            left = session.scalar(select(Product.stock).where(Product.id == product_id))
            session.rollback()
            if left is None:
                raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"lines: no product {product_id}")
            raise HTTPException(status.HTTP_409_CONFLICT, f"product {product_id} has {left} left; {quantity} asked. Nothing was reserved")
        line = ProductReservationLine(reservation_id=reservation.id, product_id=product_id, quantity=quantity)
        line.unit_price = session.scalar(select(Product.price).where(Product.id == product_id))
        session.add(line)
    try:
        session.commit()
    except IntegrityError:
        # The same key sent twice at once: the other request made the reservation.
        session.rollback()
        existing = _reservation(session, payload.key)
        if existing is None:
            raise
        return _again(session, existing, wanted, response)
    return _reservation_out(session, reservation)


@router.get("/reservations/{key}", response_model=ProductReservationOut)
async def get_product_reservation(key: str = Path(max_length=64), session: Session = route_session, _actor: Principal = Depends(require_roles("service", "staff", "admin"))):
    reservation = _reservation(session, key)
    if reservation is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no reservation {key}")
    return _reservation_out(session, reservation)


@router.delete("/reservations/{key}", status_code=status.HTTP_204_NO_CONTENT)
async def release_product_reservation(key: str = Path(max_length=64), session: Session = route_session, _actor: Principal = Depends(require_roles("service", "staff", "admin"))):
    """Gives the stock back, once, however often it is asked."""
    reservation = _reservation(session, key)
    if reservation is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no reservation {key}")
    released = session.execute(
        update(ProductReservation).where(ProductReservation.id == reservation.id, ProductReservation.released_at.is_(None)).values(released_at=func.now())
    )
    if released.rowcount == 1:
        for line in _reserved_lines(session, reservation):
            session.execute(update(Product).where(Product.id == line.product_id).values(stock=Product.stock + line.quantity))
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)

@router.get("/{item_id}", response_model=ProductOut)
async def get_product(item_id: ItemId, session: Session = route_session):
    item = session.get(Product, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no product {item_id}")
    return item


def _check_payload(payload: ProductIn, session: Session, request: Request, writer: Principal) -> None:
    if session.get(Category, payload.category_id) is None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"category_id: no category {payload.category_id}")


def _save(session: Session, item: Product) -> Product:
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        # The database's own words stay in the log: they name tables and constraints.
        logging.getLogger(__name__).info("409: %s", error.orig)
        raise HTTPException(status.HTTP_409_CONFLICT, "conflicts with the stored products: a value that must be unique is taken, or a reference does not hold")
    session.refresh(item)
    return item


@router.post("", response_model=ProductOut, status_code=status.HTTP_201_CREATED)
async def create_product(payload: ProductIn, request: Request, session: Session = route_session, writer: Principal = Depends(require_roles("staff", "admin"))):
    _check_payload(payload, session, request, writer)
    item = Product(**payload.model_dump())
    session.add(item)
    return _save(session, item)


@router.put("/{item_id}", response_model=ProductOut)
async def replace_product(item_id: ItemId, payload: ProductIn, request: Request, session: Session = route_session, writer: Principal = Depends(require_roles("staff", "admin"))):
    item = session.get(Product, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no product {item_id}")
    _check_payload(payload, session, request, writer)
    for name, value in payload.model_dump().items():
        setattr(item, name, value)
    return _save(session, item)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_product(item_id: ItemId, session: Session = route_session, writer: Principal = Depends(require_roles("staff", "admin"))):
    item = session.get(Product, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no product {item_id}")
    session.delete(item)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, f"product {item_id} is still referenced")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
