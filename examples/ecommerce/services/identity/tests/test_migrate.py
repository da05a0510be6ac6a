"""Migrations: each applied once, in name order, recorded in schema_migrations; the seed data goes
only into a new database, so a migration a later change adds never loads it again."""

import shutil

import pytest
from sqlalchemy import create_engine, text

from app import migrate


def _row_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            ).scalars()
            return {table: connection.execute(text(f'SELECT COUNT(*) FROM "{table}"')).scalar() for table in list(tables)}
    finally:
        engine.dispose()


def test_a_later_migration_is_applied_once_and_the_seed_is_not_loaded_again(tmp_path, monkeypatch):
    root = tmp_path / "db"
    shutil.copytree(migrate.ROOT, root)
    monkeypatch.setattr(migrate, "ROOT", root)
    folder = root / "migrations" / "sqlite"
    url = f"sqlite:///{tmp_path / 'service.sqlite'}"
    assert migrate.apply(url, seed=True) == sorted(path.name for path in folder.glob("*.sql"))
    seeded = _row_counts(url)

    (folder / "9999_a_later_change.sql").write_text("CREATE TABLE a_later_change (id INTEGER PRIMARY KEY);\n")
    assert migrate.apply(url, seed=True) == ["9999_a_later_change.sql"]
    assert migrate.apply(url, seed=True) == []
    after = _row_counts(url)
    assert after.pop("a_later_change") == 0
    assert after.pop("schema_migrations") == seeded.pop("schema_migrations") + 1
    assert after == seeded, "the rows the seed loaded are there once, not twice"


def test_a_migration_that_fails_half_way_leaves_nothing_of_itself(tmp_path, monkeypatch):
    root = tmp_path / "db"
    shutil.copytree(migrate.ROOT, root)
    monkeypatch.setattr(migrate, "ROOT", root)
    url = f"sqlite:///{tmp_path / 'service.sqlite'}"
    migrate.apply(url)
    before = _row_counts(url)
    broken = root / "migrations" / "sqlite" / "9999_broken.sql"
    broken.write_text("CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n")
    with pytest.raises(Exception, match="no_such_table"):
        migrate.apply(url)
    assert _row_counts(url) == before, "neither the table nor the record of the broken migration is there"
    broken.write_text("CREATE TABLE half_done (id INTEGER PRIMARY KEY);\n")
    assert migrate.apply(url) == ["9999_broken.sql"], "once mended, it applies"
