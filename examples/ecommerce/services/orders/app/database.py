"""Database engine and sessions over DATABASE_URL (SQLite or PostgreSQL)."""

from collections.abc import AsyncIterator

from fastapi import Request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


# How long a write waits for another to finish before it gives up, in milliseconds.
BUSY_TIMEOUT_MS = 5000
# Connections kept open, so that a request finds one made (and, on SQLite, configured) rather than
# making its own. What calls other services runs in FastAPI's thread pool, up to 40 at once, and
# the rest on the event loop (see the routes); the pool never makes the event loop wait for a
# connection, as the loop may be what would give one back: SQLite's has no upper bound,
# PostgreSQL's room for every thread and the loop.
POOL_SIZE = 10
POSTGRESQL_OVERFLOW = 31


class Base(DeclarativeBase):
    pass


def sqlalchemy_url(url: str) -> str:
    """A plain postgresql:// URL, as orchestrators hand out, means the psycopg 3 driver installed here."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def make_engine(url: str) -> Engine:
    url = sqlalchemy_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, pool_size=POOL_SIZE, max_overflow=-1)

        @event.listens_for(engine, "connect")
        def _configure(connection, _record) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")  # SQLite leaves them off by default
            # Write-ahead logging: readers never hold up a writer, nor a writer the readers. A writer
            # that finds another at work waits for it (up to 5 s) instead of failing at once.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # In write-ahead mode, NORMAL syncs the log to disk at checkpoints rather than at every
            # commit: a commit survives the service crashing, and only a power cut or an operating
            # system crash may take back the last ones (PostgreSQL, in production, syncs each commit).
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POSTGRESQL_OVERFLOW)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# `async def`: opening a session touches no database (a connection is taken at its first query), and
# FastAPI would run a plain `def` in its thread pool, a hand-off there and back for each request.
# Routes depend on it with scope="function": the session closes as soon as the route returns, so
# its connection is back in the pool before the answer is sent, not after.
async def get_session(request: Request) -> AsyncIterator[Session]:
    with request.app.state.session_factory() as session:
        yield session
