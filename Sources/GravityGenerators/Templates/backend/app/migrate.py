"""Applies db/migrations/<dialect>/*.sql in order, once each, and optionally the seed data.

Usage: python -m app.migrate [--seed]   (DATABASE_URL names the database)
"""

import os
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from app.database import sqlalchemy_url

ROOT = Path(__file__).resolve().parent.parent / "db"


def dialect_of(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def _run_script(engine, script: str, version: str | None = None) -> None:
    """Runs `script` in one transaction, with its record in schema_migrations when `version` is
    given: a migration that fails half-way leaves nothing of itself behind, and can be run again."""
    raw = engine.raw_connection()
    try:
        if engine.dialect.name == "sqlite":
            # executescript runs each statement on its own unless the script opens a transaction itself.
            record = "INSERT INTO schema_migrations (version) VALUES ('{}');".format(version.replace("'", "''")) if version else ""
            raw.executescript(f"BEGIN;\n{script}\n{record}\nCOMMIT;")
        else:
            with raw.cursor() as cursor:
                cursor.execute(script)
                if version:
                    cursor.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (version,))
            raw.commit()
    except Exception:
        raw.rollback()
        raise
    finally:
        raw.close()


# Replicas start together and each migrates before it serves: on PostgreSQL they take turns under
# this advisory lock, so that the second finds the first one's work done instead of doing it again.
MIGRATION_LOCK = 7_240_511


def apply(url: str, seed: bool = False) -> list[str]:
    """Applies the migrations not yet recorded; returns their names."""
    engine = create_engine(sqlalchemy_url(url))
    try:
        dialect = dialect_of(url)
        with engine.connect() as lock:
            taking_turns = dialect == "postgresql"
            if taking_turns:
                lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            try:
                return _apply(engine, dialect, seed)
            finally:
                if taking_turns:
                    lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
    finally:
        engine.dispose()


def _apply(engine, dialect: str, seed: bool) -> list[str]:
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(255) PRIMARY KEY)"))
        done = {row[0] for row in connection.execute(text("SELECT version FROM schema_migrations"))}
    # The seed goes only into a new database: a later change's migration must not load it again.
    new = not done
    applied = []
    for path in sorted((ROOT / "migrations" / dialect).glob("*.sql")):
        if path.name in done:
            continue
        _run_script(engine, path.read_text(), version=path.name)
        applied.append(path.name)
    if seed and new and applied:
        _run_script(engine, (ROOT / "seed" / f"{dialect}.sql").read_text())
    return applied


if __name__ == "__main__":
    names = apply(os.environ["DATABASE_URL"], seed="--seed" in sys.argv)
    print("applied: " + (", ".join(names) if names else "nothing new"))
