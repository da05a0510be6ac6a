"""The workloads of `gravity-team bench app`, for Locust.

One scenario per run, named by GRAVITY_BENCH_SCENARIO; what to ask comes from the benchmark in
GRAVITY_BENCH_* variables, so the generated app and the hand-written baseline get the same requests:

    PATH      the collection, e.g. /api/catalog/products
    MAX_ID    ids 1..MAX_ID exist
    FILTER    a query string that filters the list, e.g. status=active
    TERMS     search terms, comma separated (each at least 3 characters)
    TOKEN     a bearer token that may create
    BODY      a JSON object to create from; UNIQUE names its fields made unique per request
"""

import itertools
import json
import os
import random
import uuid

from locust import FastHttpUser, constant, task

SCENARIO = os.environ["GRAVITY_BENCH_SCENARIO"]
PATH = os.environ["GRAVITY_BENCH_PATH"]
MAX_ID = int(os.environ["GRAVITY_BENCH_MAX_ID"])
FILTER = os.environ.get("GRAVITY_BENCH_FILTER", "")
TERMS = [term for term in os.environ.get("GRAVITY_BENCH_TERMS", "").split(",") if term]
TOKEN = os.environ.get("GRAVITY_BENCH_TOKEN", "")
BODY = json.loads(os.environ.get("GRAVITY_BENCH_BODY", "{}"))
UNIQUE = [name for name in os.environ.get("GRAVITY_BENCH_UNIQUE", "").split(",") if name]

# Unique across the users of this process and across runs against the same database.
_serial = itertools.count()
_run = uuid.uuid4().hex[:6]


def _page() -> int:
    # Pages spread over the first few hundred rows: what a person paging a list asks for.
    return random.randint(1, 10)


class BenchUser(FastHttpUser):
    wait_time = constant(0)

    def _list(self) -> None:
        self.client.get(f"{PATH}?page={_page()}", name="list")

    def _get(self) -> None:
        self.client.get(f"{PATH}/{random.randint(1, MAX_ID)}", name="get")

    def _filtered(self) -> None:
        self.client.get(f"{PATH}?{FILTER}&page={_page()}", name="filtered list")

    def _search(self) -> None:
        self.client.get(f"{PATH}?q={random.choice(TERMS)}", name="search")

    def _create(self) -> None:
        body = dict(BODY)
        serial = f"{_run}-{next(_serial)}"
        for name in UNIQUE:
            body[name] = f"{body[name]}-{serial}"[-32:] if isinstance(body[name], str) else body[name]
        self.client.post(PATH, json=body, headers={"Authorization": f"Bearer {TOKEN}"}, name="create")

    @task
    def work(self) -> None:
        if SCENARIO == "list":
            self._list()
        elif SCENARIO == "get":
            self._get()
        elif SCENARIO == "filtered":
            self._filtered()
        elif SCENARIO == "search":
            self._search()
        elif SCENARIO == "create":
            self._create()
        elif SCENARIO == "mixed":
            # Nine reads to one write, the reads as people browse: lists, records, searches.
            choice = random.random()
            if choice < 0.3:
                self._list()
            elif choice < 0.6:
                self._get()
            elif choice < 0.75:
                self._filtered()
            elif choice < 0.9:
                self._search()
            else:
                self._create()
        else:
            raise SystemExit(f"unknown scenario {SCENARIO}")
