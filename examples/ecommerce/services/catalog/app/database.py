"""Database engine and sessions over DATABASE_URL (SQLite or PostgreSQL)."""

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


# How long a write waits for another to finish before it gives up, in milliseconds.
BUSY_TIMEOUT_MS = 5000


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
        engine = create_engine(url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _configure(connection, _record) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")  # SQLite leaves them off by default
            # Write-ahead logging: readers never hold up a writer, nor a writer the readers. A writer
            # that finds another at work waits for it (up to 5 s) instead of failing at once.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session
