"""Configuration of the orders service, read from the environment only."""

import os
from dataclasses import dataclass


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise RuntimeError(f"the environment variable {name} must be set")
    return value


@dataclass(frozen=True)
class Settings:
    database_url: str
    jwt_secret: str
    customers_service_url: str = ""
    catalog_service_url: str = ""
    page_size: int = 20
    # Connections to PostgreSQL this process may hold (SQLite has no limit to share).
    database_pool_size: int = 10
    max_page_size: int = 200
    request_timeout: float = 5.0
    # Origins whose pages may call this service from a browser; the frontend the gateway serves
    # shares the API's origin and needs none.
    allowed_origins: tuple[str, ...] = ()


def load_settings() -> Settings:
    """Reads the settings; a missing required variable stops the service with a clear message."""
    return Settings(
        database_url=_required("DATABASE_URL"),
        jwt_secret=_required("JWT_SECRET"),
        page_size=int(os.environ.get("PAGE_SIZE", "20")),
        database_pool_size=int(os.environ.get("DATABASE_POOL_SIZE", "10")),
        request_timeout=float(os.environ.get("REQUEST_TIMEOUT", "5.0")),
        allowed_origins=tuple(origin.strip() for origin in os.environ.get("ALLOWED_ORIGINS", "").split(",") if origin.strip()),
        customers_service_url=_required("CUSTOMERS_SERVICE_URL").rstrip("/"),
        catalog_service_url=_required("CATALOG_SERVICE_URL").rstrip("/"),
    )
