"""Failed sign-ins per account: after a few within a window, that account's sign-in waits until the
window ends, so guessing its password slows to a crawl.

The count is kept in the database (table sign_in_failures), not in a process's memory: the service
runs a worker process per core, and replicas besides, and each must see the failures every other
one counted, or more processes would mean more guesses."""

import math
from datetime import datetime, timedelta, timezone

from sqlalchemy import case, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.models import SignInFailure

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


def _utc_now() -> datetime:
    # Stored without an offset, as every time in this database is.
    return datetime.now(timezone.utc).replace(tzinfo=None)


class SignInThrottle:
    def __init__(self, max_failures: int = MAX_FAILURES, window: timedelta = WINDOW, clock=_utc_now):
        self.max_failures = max_failures
        self.window = window
        self._clock = clock

    def attempt(self, session: Session, email: str) -> int:
        """0 when `email` may try to sign in now, counting the try as a failure until `succeeded`
        says otherwise; else whole seconds until it may try again. One statement checks and counts
        (an upsert, which the database runs one at a time per email), so parallel guesses, in this
        process or another, cannot all pass the check before any is counted."""
        now = self._clock()
        # A window that started at or before this has ended.
        ended = now - self.window
        failures = SignInFailure.__table__
        expired = failures.c.window_started <= ended
        dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
        counted = (
            dialect.insert(failures)
            .values(email=email, failures=1, window_started=now)
            .on_conflict_do_update(
                index_elements=[failures.c.email],
                set_={
                    # A window that has ended starts again; one that is used up stays as it is, so
                    # that a locked-out account is not counted on without bound.
                    "failures": case((expired, 1), (failures.c.failures > self.max_failures, failures.c.failures), else_=failures.c.failures + 1),
                    "window_started": case((expired, now), else_=failures.c.window_started),
                },
            )
            .returning(failures.c.failures, failures.c.window_started)
        )
        count, started = session.execute(counted).one()
        if count == 1:
            # A new window: the windows that have ended, of any email, are no longer needed.
            session.execute(delete(SignInFailure).where(SignInFailure.window_started <= ended))
        session.commit()
        if count <= self.max_failures:
            return 0
        return max(1, math.ceil((started + self.window - now).total_seconds()))

    def succeeded(self, session: Session, email: str) -> None:
        session.execute(delete(SignInFailure).where(SignInFailure.email == email))
        session.commit()
