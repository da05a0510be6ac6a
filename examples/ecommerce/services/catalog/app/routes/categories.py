"""Categories: list, read, create, replace and delete."""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.database import route_session
from app.models import Category
from app.paging import page_of
from app.schemas import MAX_INTEGER, NO_NUL, CategoryIn, CategoryOut, CategoryPage
from app.search import matching
from app.security import Principal, current_principal, require_roles

router = APIRouter(prefix="/api/catalog/categories", tags=["categories"])

# An id the database cannot hold is a 422, not an overflow deep in the driver.
ItemId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]


# Endpoints that touch only this service's database are `async def`, run on the event loop: each is
# a few short queries on indexes, a read never waits for a lock (SQLite in write-ahead mode,
# PostgreSQL's snapshots) and a write only for another's commit, and a hand-off to a worker thread
# and back would cost more than the query, and make a write wait its turn behind the reads twice.
# Those that call another service over HTTP (which may take up to its timeout) are plain `def`,
# which FastAPI runs in its thread pool, so that the event loop never waits for another service.
@router.get("", response_model=CategoryPage)
async def list_categories(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_INTEGER),
    page_size: int | None = Query(None, ge=1, le=200),
    q: str | None = Query(None, max_length=100, pattern=NO_NUL, description="Text to search for"),
    filter_name: str | None = Query(None, alias="name", pattern=NO_NUL),
    filter_featured: bool | None = Query(None, alias="featured"),
    session: Session = route_session,
):
    size = page_size or request.app.state.settings.page_size
    query = select(Category)
    for column, value in (
        (Category.name, filter_name),
        (Category.featured, filter_featured),
    ):
        if value is not None:
            query = query.where(column == value)
    if q:
        query = query.where(matching(session, Category.id, [Category.name, Category.description], q))
    return page_of(session, query, Category.id, page, size)


@router.get("/{item_id}", response_model=CategoryOut)
async def get_category(item_id: ItemId, session: Session = route_session):
    item = session.get(Category, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no category {item_id}")
    return item


def _check_payload(payload: CategoryIn, session: Session, request: Request, writer: Principal) -> None:
    return None


def _save(session: Session, item: Category) -> Category:
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        # The database's own words stay in the log: they name tables and constraints.
        logging.getLogger(__name__).info("409: %s", error.orig)
        raise HTTPException(status.HTTP_409_CONFLICT, "conflicts with the stored categories: a value that must be unique is taken, or a reference does not hold")
    session.refresh(item)
    return item


@router.post("", response_model=CategoryOut, status_code=status.HTTP_201_CREATED)
async def create_category(payload: CategoryIn, request: Request, session: Session = route_session, writer: Principal = Depends(require_roles("staff", "admin"))):
    _check_payload(payload, session, request, writer)
    item = Category(**payload.model_dump())
    session.add(item)
    return _save(session, item)


@router.put("/{item_id}", response_model=CategoryOut)
async def replace_category(item_id: ItemId, payload: CategoryIn, request: Request, session: Session = route_session, writer: Principal = Depends(require_roles("staff", "admin"))):
    item = session.get(Category, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no category {item_id}")
    _check_payload(payload, session, request, writer)
    for name, value in payload.model_dump().items():
        setattr(item, name, value)
    return _save(session, item)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_category(item_id: ItemId, session: Session = route_session, writer: Principal = Depends(require_roles("staff", "admin"))):
    item = session.get(Category, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no category {item_id}")
    session.delete(item)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, f"category {item_id} is still referenced")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
