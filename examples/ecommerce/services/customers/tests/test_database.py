"""The database under concurrent use: on SQLite a reader never holds up a writer, and a writer that
finds another at work waits for it instead of failing with "database is locked"; on PostgreSQL the
service never holds more connections than its budget, and its threads leave one for the event loop."""

import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from app.database import BUSY_TIMEOUT_MS, closes_its_session, make_engine, thread_budget


def _engine(tmp_path, name):
    engine = make_engine(f"sqlite:///{tmp_path / name}", pool_size=4)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE counter (n INTEGER)"))
        connection.execute(text("INSERT INTO counter VALUES (0)"))
    return engine


def test_sqlite_runs_with_write_ahead_logging_and_a_busy_timeout(tmp_path):
    engine = _engine(tmp_path, "wal.sqlite")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS


def test_a_write_goes_through_while_a_reader_holds_its_transaction(tmp_path):
    engine = _engine(tmp_path, "reader.sqlite")
    reader = engine.raw_connection()
    try:
        cursor = reader.cursor()
        cursor.execute("BEGIN")
        assert cursor.execute("SELECT n FROM counter").fetchone() == (0,)
        started = time.monotonic()
        with engine.begin() as writer:
            writer.execute(text("UPDATE counter SET n = n + 1"))
        assert time.monotonic() - started < 1, "the writer waited for the reader"
        # The reader still sees the database as its transaction began.
        assert cursor.execute("SELECT n FROM counter").fetchone() == (0,)
        cursor.execute("COMMIT")
    finally:
        reader.close()


def test_a_writer_waits_for_another_instead_of_failing(tmp_path):
    engine = _engine(tmp_path, "writers.sqlite")
    holding = threading.Event()

    def hold_the_write_lock():
        with engine.begin() as first:
            first.execute(text("UPDATE counter SET n = n + 1"))
            holding.set()
            time.sleep(0.3)

    other = threading.Thread(target=hold_the_write_lock)
    other.start()
    holding.wait(5)
    with engine.begin() as second:
        second.execute(text("UPDATE counter SET n = n + 10"))
    other.join()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT n FROM counter")).scalar() == 11


def test_postgresql_connections_stay_within_the_budget_and_one_is_left_for_the_event_loop():
    url = "postgresql://service:secret@db.invalid:5432/service_db"
    engine = make_engine(url, pool_size=7)  # no connection is made until one is asked for
    assert (engine.pool.size(), engine.pool._max_overflow) == (7, 0)
    assert thread_budget(engine) == 6
    assert thread_budget(make_engine(url, pool_size=1)) == 1
    assert thread_budget(make_engine("sqlite:///service.sqlite", pool_size=7)) is None


def test_a_route_in_the_thread_pool_closes_its_session_as_it_returns_or_raises(tmp_path):
    engine = _engine(tmp_path, "threaded.sqlite")
    sessions = []

    def opened():
        session = sessionmaker(engine)()
        sessions.append(session)
        return session

    @closes_its_session
    def answering(session):
        return session.execute(text("SELECT n FROM counter")).scalar()

    @closes_its_session
    def refusing(session):
        session.execute(text("SELECT n FROM counter"))
        raise ValueError("refused after a query")

    assert answering(session=opened()) == 0
    with pytest.raises(ValueError):
        refusing(session=opened())
    # Both connections are back in the pool: nothing is checked out once the routes are done.
    assert engine.pool.checkedout() == 0
    assert all(not session.in_transaction() for session in sessions)
