"""Request and response bodies of the catalog service."""

from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, StringConstraints

# The largest INTEGER every database here stores (PostgreSQL's is 32 bits).
MAX_INTEGER = 2_147_483_647
# The largest value a NUMERIC(12, 2) column holds.
MAX_DECIMAL = Decimal("9999999999.99")
# No text may hold a NUL character: PostgreSQL cannot store one.
NO_NUL = r"^[^\x00]*$"


def contains_pattern(text: str) -> str:
    """A LIKE pattern for text anywhere in a value: a % or _ that a user types matches only itself."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _in_utc(value: datetime) -> datetime:
    """A time with an offset is stored in UTC without one: SQLite would drop the offset, PostgreSQL convert it."""
    return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value


UtcDateTime = Annotated[datetime, AfterValidator(_in_utc)]


def _two_places(value: Decimal) -> str:
    """An amount leaves as text with its two decimal places ("0.30"), so that no client reads it as a float."""
    return f"{value:.2f}"


# Exact: a JSON number or a decimal string comes in, more than two decimal places is a 422, and
# nothing on the way is a float.
Amount = Annotated[Decimal, PlainSerializer(_two_places, return_type=str, when_used="json")]

# Money is in USD, whose amounts have 2 decimal places (ISO 4217).
CURRENCY = "USD"
# The largest amount a NUMERIC(12, 2) column holds.
MAX_MONEY = Decimal("9999999999.99")


def _in_currency(value: Decimal) -> str:
    """Money leaves as text with the currency's decimal places, never as a float."""
    return f"{value:.2f}"


Money = Annotated[Decimal, PlainSerializer(_in_currency, return_type=str, when_used="json")]


class CategoryIn(BaseModel):
    """What a client sends to create or replace a category."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80, pattern=NO_NUL)]
    description: Annotated[str, Field(pattern=NO_NUL)] | None = None
    featured: bool | None = None


# What leaves is not checked again as what comes in is: the stored values passed those checks.
class CategoryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str
    description: str | None = None
    featured: bool | None = None
    id: int
    created_at: datetime | None = None
    updated_at: datetime | None = None


class CategoryPage(BaseModel):
    items: list[CategoryOut]
    # Exact when total_exact; else the list has more than total (app/paging.py).
    total: int
    total_exact: bool
    page: int
    page_size: int


class ProductIn(BaseModel):
    """What a client sends to create or replace a product."""

    model_config = ConfigDict(extra="forbid")

    sku: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32, pattern=NO_NUL)]
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120, pattern=NO_NUL)]
    description: Annotated[str, Field(pattern=NO_NUL)] | None = None
    price: Annotated[Money, Field(ge=Decimal("0"), le=MAX_MONEY, max_digits=12, decimal_places=2, allow_inf_nan=False)]
    stock: Annotated[int, Field(ge=0, le=MAX_INTEGER)]
    status: Literal["active", "discontinued"]
    category_id: Annotated[int, Field(ge=1, le=MAX_INTEGER)]


# What leaves is not checked again as what comes in is: the stored values passed those checks.
class ProductOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    sku: str
    name: str
    description: str | None = None
    price: Money
    stock: int
    status: Literal["active", "discontinued"]
    category_id: int
    id: int
    created_at: datetime | None = None
    updated_at: datetime | None = None


class ProductPage(BaseModel):
    items: list[ProductOut]
    # Exact when total_exact; else the list has more than total (app/paging.py).
    total: int
    total_exact: bool
    page: int
    page_size: int


class ProductReservationLineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Counts, not "2" or 1.5: a quantity a client got wrong is refused, not guessed at.
    product_id: Annotated[int, Field(strict=True, ge=1, le=MAX_INTEGER)]
    quantity: Annotated[int, Field(strict=True, ge=1, le=MAX_INTEGER)]


class ProductReservationIn(BaseModel):
    """stock to take for every line at once, or for none; the key (the order's own) makes a retry safe."""

    model_config = ConfigDict(extra="forbid")

    key: Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
    lines: Annotated[list[ProductReservationLineIn], Field(min_length=1, max_length=100)]


class ProductReservedLine(BaseModel):
    product_id: int
    quantity: int
    unit_price: Money


class ProductReservationOut(BaseModel):
    key: str
    released: bool
    lines: list[ProductReservedLine]
