"""A products service written by hand, the way one would without a generator: FastAPI, SQLAlchemy,
Pydantic and PyJWT, as the generated catalog uses, over the same SQLite file. `gravity-team bench app`
runs the same workloads against it and against the generated app, in one run, for the ratio.

    DATABASE_URL=sqlite:////path/catalog_db.sqlite JWT_SECRET=... uvicorn main:app --port 8001
"""

import os
from datetime import datetime
from decimal import Decimal
from typing import Literal

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ForeignKey, Numeric, String, Text, create_engine, func, or_, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

engine = create_engine(os.environ["DATABASE_URL"], connect_args={"check_same_thread": False})
Sessions = sessionmaker(engine, expire_on_commit=False)
SECRET = os.environ["JWT_SECRET"]


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str | None] = mapped_column(Text)
    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    stock: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)


class ProductIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sku: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=120)
    description: str | None = None
    price: Decimal = Field(ge=0, max_digits=12, decimal_places=2)
    stock: int = Field(ge=0)
    status: Literal["active", "discontinued"]
    category_id: int = Field(ge=1)


class ProductOut(ProductIn):
    model_config = ConfigDict(from_attributes=True)
    id: int
    created_at: datetime
    updated_at: datetime


class ProductPage(BaseModel):
    items: list[ProductOut]
    total: int
    page: int
    page_size: int


def session():
    with Sessions() as opened:
        yield opened


def writer(authorization: str = Header("")) -> str:
    try:
        claims = jwt.decode(authorization.removeprefix("Bearer "), SECRET, algorithms=["HS256"])
    except jwt.PyJWTError:
        raise HTTPException(401, "invalid or expired token")
    if claims.get("role") not in ("staff", "admin"):
        raise HTTPException(403, "not allowed")
    return claims["sub"]


app = FastAPI()


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/api/catalog/products", response_model=ProductPage)
def list_products(
    page: int = Query(1, ge=1),
    page_size: int = Query(20, ge=1, le=200),
    q: str | None = Query(None, max_length=100),
    status: str | None = None,
    category_id: int | None = None,
    db: Session = Depends(session),
):
    query = select(Product)
    if status is not None:
        query = query.where(Product.status == status)
    if category_id is not None:
        query = query.where(Product.category_id == category_id)
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(or_(Product.sku.ilike(pattern, escape="\\"), Product.name.ilike(pattern, escape="\\"), Product.description.ilike(pattern, escape="\\")))
    total = db.scalar(select(func.count()).select_from(query.subquery()))
    items = db.scalars(query.order_by(Product.id).offset((page - 1) * page_size).limit(page_size)).all()
    return ProductPage(items=items, total=total, page=page, page_size=page_size)


@app.get("/api/catalog/products/{item_id}", response_model=ProductOut)
def get_product(item_id: int, db: Session = Depends(session)):
    item = db.get(Product, item_id)
    if item is None:
        raise HTTPException(404, f"no product {item_id}")
    return item


@app.post("/api/catalog/products", response_model=ProductOut, status_code=201)
def create_product(payload: ProductIn, db: Session = Depends(session), _: str = Depends(writer)):
    if db.get(Category, payload.category_id) is None:
        raise HTTPException(422, f"no category {payload.category_id}")
    item = Product(**payload.model_dump())
    db.add(item)
    db.commit()
    db.refresh(item)
    return item
