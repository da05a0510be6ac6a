"""Calls to other services: none, as this service refers to no other's records."""

import httpx

from app.config import Settings


def make_clients(settings: Settings, transport: httpx.BaseTransport | None = None) -> dict:
    return {}
