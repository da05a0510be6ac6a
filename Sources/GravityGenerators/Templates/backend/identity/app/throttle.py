"""Failed sign-ins per account: after a few, that account's sign-in waits, so guessing its password slows to a crawl."""

import math
import threading
import time
from collections import OrderedDict

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
# Bounds the memory an attacker trying many emails can take.
TRACKED_ACCOUNTS = 10_000


class SignInThrottle:
    """Counts in this process only: each replica of the service keeps its own count."""

    def __init__(
        self, max_failures: int = MAX_FAILURES, window_seconds: float = WINDOW_SECONDS, tracked: int = TRACKED_ACCOUNTS, clock=time.monotonic
    ):
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self._tracked = tracked
        self._clock = clock
        self._failures: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def attempt(self, email: str) -> int:
        """0 when `email` may try to sign in now, counting the try as a failure until `succeeded`
        says otherwise; else whole seconds until it may try again. Checking and counting under
        one lock means that parallel guesses cannot all pass the check before any is counted."""
        with self._lock:
            now = self._clock()
            recent = self._recent(email, now)
            if len(recent) >= self.max_failures:
                return max(1, math.ceil(recent[0] + self.window_seconds - now))
            if email not in self._failures and not self._make_room(now):
                return math.ceil(self.window_seconds)
            recent.append(now)
            self._failures[email] = recent
            self._failures.move_to_end(email)
            return 0

    def succeeded(self, email: str) -> None:
        with self._lock:
            self._failures.pop(email, None)

    def _recent(self, email: str, now: float) -> list[float]:
        return [moment for moment in self._failures.get(email, []) if moment > now - self.window_seconds]

    def _make_room(self, now: float) -> bool:
        """Room for one more email: expired entries go first, then the oldest that is not locked
        out. A locked-out email is never forgotten early, so trying many other emails cannot
        unlock it; when every entry is locked out, new emails wait instead."""
        if len(self._failures) < self._tracked:
            return True
        for email in [email for email in self._failures if not self._recent(email, now)]:
            del self._failures[email]
        if len(self._failures) < self._tracked:
            return True
        for email in self._failures:
            if len(self._recent(email, now)) < self.max_failures:
                del self._failures[email]
                return True
        return False
