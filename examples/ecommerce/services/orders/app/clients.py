"""Calls to the services this one depends on: whether referenced records exist, and taking and
giving back units of their stock."""

import logging
from collections.abc import Callable

import httpx
from fastapi import HTTPException, status

from app.config import Settings
from app.request_log import pass_request_id
from app.security import service_token

logger = logging.getLogger(__name__)


class ServiceClient:
    def __init__(
        self,
        name: str,
        base_url: str,
        timeout: float,
        transport: httpx.BaseTransport | None = None,
        own_token: Callable[[], str] | None = None,
    ) -> None:
        self.name = name
        self._client = httpx.Client(base_url=base_url, timeout=timeout, transport=transport, event_hooks={"request": [pass_request_id]})
        self._own_token = own_token

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

    def own_ids(self, path: str, token: str | None) -> list[int]:
        """Ids of the caller's first two records in the list at `path`, which the other service shows
        an account of the owning role only its own of. A service that cannot answer is a 503."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = self._client.get(path, params={"page_size": 2}, headers=headers)
        except httpx.HTTPError as error:
            logger.warning("%s%s: %s", self._client.base_url, path, error.__class__.__name__)
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"the {self.name} service cannot be reached")
        try:
            if response.status_code == 200:
                return [int(item["id"]) for item in response.json()["items"]]
        except (ValueError, KeyError, TypeError):
            pass
        logger.warning("%s%s answered %s", self._client.base_url, path, response.status_code)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"the {self.name} service is unavailable")

    def reserve(self, path: str, key: str, lines: list[dict]) -> dict:
        """Takes units of the other service's stock under `key`, as this service. Its refusals keep
        their status and words (409: not enough left; 422: no such record); a service that cannot
        answer is a 503. A retry with the same key never takes twice."""
        return self.take(path, {"key": key, "lines": lines})

    def take(self, path: str, body: dict) -> dict:
        """Asks the other service, as this service, to take or move something once, under body's key.
        Its refusals keep their status and words; a service that cannot answer is a 503."""
        response = self._send("POST", path, json=body)
        if response.status_code in (200, 201):
            return response.json()
        if response.status_code in (409, 422):
            raise HTTPException(response.status_code, f"the {self.name} service: {_detail(response)}")
        logger.warning("%s%s answered %s", self._client.base_url, path, response.status_code)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"the {self.name} service is unavailable")

    def release(self, path: str) -> None:
        """Gives back what a reservation took, or moves back what a movement moved; done already, or
        never made, is as good. A refusal (409: the money moved in has been spent) keeps its words."""
        response = self._send("DELETE", path)
        if response.status_code == 409:
            raise HTTPException(response.status_code, f"the {self.name} service: {_detail(response)}")
        if response.status_code not in (204, 404):
            logger.warning("%s%s answered %s", self._client.base_url, path, response.status_code)
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"the {self.name} service is unavailable")

    def _send(self, method: str, path: str, json: dict | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self._own_token()}"} if self._own_token else {}
        try:
            return self._client.request(method, path, json=json, headers=headers)
        except httpx.HTTPError as error:
            logger.warning("%s%s: %s", self._client.base_url, path, error.__class__.__name__)
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"the {self.name} service cannot be reached")

    def close(self) -> None:
        self._client.close()


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    return detail if isinstance(detail, str) else "refused"


def make_clients(settings: Settings, transport: httpx.BaseTransport | None = None) -> dict[str, ServiceClient]:
    def own_token() -> str:
        return service_token(settings.jwt_secret, "orders")

    return {
        "customers": ServiceClient("customers", settings.customers_service_url, settings.request_timeout, transport, own_token),
        "catalog": ServiceClient("catalog", settings.catalog_service_url, settings.request_timeout, transport, own_token),
    }
