"""Load test of Gravity Shop: the reads people make most, through the gateway, as Locust users.

    pip install locust
    locust -f loadtest/locustfile.py --host http://127.0.0.1:8080 --headless -u 50 -r 10 -t 1m

Visitors read what the app shows everyone. Members sign in as the account LOAD_EMAIL and
LOAD_PASSWORD name (one of the app's, made beforehand) and read every list; they stay idle unless
both are set."""

import os
import random

from locust import HttpUser, between, task

PAGE_SIZE = 20


def browse(client, path: str, headers: dict[str, str] | None = None) -> None:
    """A page of a list, then one of its records, as a person clicking through would."""
    with client.get(path, params={"page_size": PAGE_SIZE}, headers=headers, name=path, catch_response=True) as answer:
        if answer.status_code != 200:
            answer.failure(f"{path}: {answer.status_code}")
            return
        items = answer.json()["items"]
    if items:
        client.get(f"{path}/{random.choice(items)['id']}", headers=headers, name=path + "/[id]")


class Visitor(HttpUser):
    wait_time = between(1, 3)
    weight = 3

    @task
    def browse_categories(self) -> None:
        browse(self.client, "/api/catalog/categories")

    @task
    def browse_products(self) -> None:
        browse(self.client, "/api/catalog/products")


class Member(HttpUser):
    wait_time = between(1, 3)
    # Without an account to sign in as, members cannot run; visitors still can.
    abstract = not (os.environ.get("LOAD_EMAIL") and os.environ.get("LOAD_PASSWORD"))

    def on_start(self) -> None:
        credentials = {"email": os.environ["LOAD_EMAIL"], "password": os.environ["LOAD_PASSWORD"]}
        answer = self.client.post("/api/auth/login", json=credentials, name="/api/auth/login")
        answer.raise_for_status()
        self.headers = {"Authorization": f"Bearer {answer.json()['access_token']}"}

    @task
    def browse_user_accounts(self) -> None:
        browse(self.client, "/api/auth/user_accounts", self.headers)

    @task
    def browse_categories(self) -> None:
        browse(self.client, "/api/catalog/categories", self.headers)

    @task
    def browse_products(self) -> None:
        browse(self.client, "/api/catalog/products", self.headers)

    @task
    def browse_customers(self) -> None:
        browse(self.client, "/api/customers/customers", self.headers)

    @task
    def browse_addresses(self) -> None:
        browse(self.client, "/api/customers/addresses", self.headers)

    @task
    def browse_purchase_orders(self) -> None:
        browse(self.client, "/api/orders/purchase_orders", self.headers)

    @task
    def browse_order_lines(self) -> None:
        browse(self.client, "/api/orders/order_lines", self.headers)
