"""No card data is stored (PCI-DSS): no table column and no request or response field of the catalog
service is named for a card's number, security code or expiry. Card operations go through a
tokenizing processor; a change that adds such a field fails here."""

import re

from pydantic import BaseModel

from app import models, schemas
from app.database import Base

# A card's number (PAN), security code or expiry, as a whole word of a snake_case name.
CARD = re.compile(r"(^|_)(card|cards|pan|cvv|cvc|cvv2|security_code|expiry|expiration|exp_month|exp_year)(_|$)")


def test_no_column_is_card_data():
    assert models  # the tables are declared by importing the models
    columns = [(table.name, column.name) for table in Base.metadata.sorted_tables for column in table.columns]
    assert columns
    assert [f"{table}.{column}" for table, column in columns if CARD.search(column)] == []


def test_no_request_or_response_field_is_card_data():
    bodies = [value for value in vars(schemas).values() if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel]
    fields = [(body.__name__, name) for body in bodies for name in body.model_fields]
    assert fields
    assert [f"{body}.{name}" for body, name in fields if CARD.search(name)] == []
