"""Request and response bodies of the customers service."""

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


class CustomerIn(BaseModel):
    """What a client sends to create or replace a customer."""

    model_config = ConfigDict(extra="forbid")

    email: Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, max_length=254, pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$")]
    full_name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120, pattern=NO_NUL)]
    phone: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32, pattern=NO_NUL)] | None = None
    marketing_opt_in: bool | None = None
    joined_on: date | None = None


# What leaves is not checked again as what comes in is: the stored values passed those checks.
class CustomerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    email: str
    full_name: str
    phone: str | None = None
    marketing_opt_in: bool | None = None
    joined_on: date | None = None
    id: int
    created_at: datetime | None = None
    updated_at: datetime | None = None


class CustomerPage(BaseModel):
    items: list[CustomerOut]
    # Exact when total_exact; else the list has more than total (app/paging.py).
    total: int
    total_exact: bool
    page: int
    page_size: int


class AddressIn(BaseModel):
    """What a client sends to create or replace a address."""

    model_config = ConfigDict(extra="forbid")

    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40, pattern=NO_NUL)] | None = None
    line1: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120, pattern=NO_NUL)]
    city: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80, pattern=NO_NUL)]
    postal_code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=16, pattern=NO_NUL)]
    country_code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2, pattern=NO_NUL)]
    customer_id: Annotated[int, Field(ge=1, le=MAX_INTEGER)] | None = None


# What leaves is not checked again as what comes in is: the stored values passed those checks.
class AddressOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    label: str | None = None
    line1: str
    city: str
    postal_code: str
    country_code: str
    customer_id: int
    id: int
    created_at: datetime | None = None
    updated_at: datetime | None = None


class AddressPage(BaseModel):
    items: list[AddressOut]
    # Exact when total_exact; else the list has more than total (app/paging.py).
    total: int
    total_exact: bool
    page: int
    page_size: int
