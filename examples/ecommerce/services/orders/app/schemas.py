"""Request and response bodies of the orders service."""

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


class PurchaseOrderIn(BaseModel):
    """What a client sends to create a purchase_order."""

    model_config = ConfigDict(extra="forbid")

    notes: Annotated[str, Field(pattern=NO_NUL)] | None = None
    customer_id: Annotated[int, Field(ge=1, le=MAX_INTEGER)] | None = None
    shipping_address_id: Annotated[int, Field(ge=1, le=MAX_INTEGER)] | None = None


# What leaves is not checked again as what comes in is: the stored values passed those checks.
class PurchaseOrderOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    notes: str | None = None
    customer_id: int
    shipping_address_id: int | None = None
    id: int
    status: Literal["pending", "paid", "shipped", "delivered", "cancelled"]
    total: Money
    placed_at: datetime
    paid_by: str | None = None
    reservation_key: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class PurchaseOrderPage(BaseModel):
    items: list[PurchaseOrderOut]
    # Exact when total_exact; else the list has more than total (app/paging.py).
    total: int
    total_exact: bool
    page: int
    page_size: int


class OrderLineIn(BaseModel):
    """What a client sends to create or replace a order_line."""

    model_config = ConfigDict(extra="forbid")

    quantity: Annotated[int, Field(ge=1, le=MAX_INTEGER)]
    product_name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120, pattern=NO_NUL)] | None = None
    purchase_order_id: Annotated[int, Field(ge=1, le=MAX_INTEGER)]
    product_id: Annotated[int, Field(ge=1, le=MAX_INTEGER)]


# What leaves is not checked again as what comes in is: the stored values passed those checks.
class OrderLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    quantity: int
    product_name: str | None = None
    purchase_order_id: int
    product_id: int
    id: int
    unit_price: Money
    created_at: datetime | None = None
    updated_at: datetime | None = None


class OrderLinePage(BaseModel):
    items: list[OrderLineOut]
    # Exact when total_exact; else the list has more than total (app/paging.py).
    total: int
    total_exact: bool
    page: int
    page_size: int


class PurchaseOrderLineIn(BaseModel):
    """A line of a purchase_order as a client places it: what and how many; its price is the server's."""

    model_config = ConfigDict(extra="forbid")

    # Counts, not "2" or 1.5: a quantity a client got wrong is refused, not guessed at.
    product_id: Annotated[int, Field(strict=True, ge=1, le=MAX_INTEGER)]
    quantity: Annotated[int, Field(strict=True, ge=1, le=MAX_INTEGER)]


class PurchaseOrderPlacement(PurchaseOrderIn):
    """A purchase_order as a client places it, with its lines: saved together or not at all."""

    lines: Annotated[list[PurchaseOrderLineIn], Field(min_length=1, max_length=100)]


class PurchaseOrderPlaced(PurchaseOrderOut):
    lines: list[OrderLineOut]
