"""Calls to the services this one depends on, to check that referenced records exist."""

import logging

import httpx
from fastapi import HTTPException, status

from app.config import Settings

logger = logging.getLogger(__name__)


class ServiceClient:
    def __init__(self, name: str, base_url: str, timeout: float, transport: httpx.BaseTransport | None = None) -> None:
        self.name = name
        self._client = httpx.Client(base_url=base_url, timeout=timeout, transport=transport)

    def exists(self, path: str, token: str | None) -> bool:
        """Whether the caller may see the record at path: 200 means yes, any other 4xx (not found, not
        the caller's, not an id) means no. Only a service that cannot answer is this request's failure,
        a 503 that names the service; its address and path stay in the log."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = self._client.get(path, headers=headers)
        except httpx.HTTPError as error:
            logger.warning("%s%s: %s", self._client.base_url, path, error.__class__.__name__)
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"the {self.name} service cannot be reached")
        if response.status_code == 200:
            return True
        if 400 <= response.status_code < 500:
            return False
        logger.warning("%s%s answered %s", self._client.base_url, path, response.status_code)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"the {self.name} service is unavailable")

    def close(self) -> None:
        self._client.close()


def make_clients(settings: Settings, transport: httpx.BaseTransport | None = None) -> dict[str, ServiceClient]:
    return {}
