"""Backups: a copy of the database that restores what was there when it was taken."""

import sqlite3
from datetime import datetime, timezone

import pytest

from app import backup, migrate


def count(path, table):
    with sqlite3.connect(path) as database:
        return database.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_a_backup_restores_the_rows_it_copied(tmp_path, monkeypatch):
    database = tmp_path / "service.sqlite"
    url = f"sqlite:///{database}"
    migrate.apply(url, seed=True)
    before = count(database, "schema_migrations")
    monkeypatch.setenv("DATABASE_URL", url)
    assert backup.main([str(tmp_path / "backups")]) == 0
    [copy] = (tmp_path / "backups").iterdir()
    assert copy.name.startswith("catalog" + "-") and copy.suffix == ".sqlite"
    with sqlite3.connect(database) as live:
        live.execute("DELETE FROM schema_migrations")
    assert count(database, "schema_migrations") == 0
    assert backup.main(["--restore", str(copy)]) == 0
    assert count(database, "schema_migrations") == before > 0


def test_a_missing_backup_is_refused_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'service.sqlite'}")
    assert backup.main(["--restore", str(tmp_path / "nothing.sqlite")]) == 1
    assert capsys.readouterr().err.strip() == f"backup: {tmp_path / 'nothing.sqlite'}: no such backup"


class Finished:
    def __init__(self, code):
        self.returncode = code


def test_postgresql_goes_through_pg_dump_with_the_password_out_of_its_arguments(tmp_path, monkeypatch):
    calls = []

    def pg_dump(command, env):
        calls.append((command, env.get("PGPASSWORD")))
        open(command[command.index("--file") + 1], "wb").close()
        return Finished(0)

    monkeypatch.setattr(backup.subprocess, "run", pg_dump)
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    target = backup.backup("postgresql+psycopg://app:s%40cret@db:5432/app_db", tmp_path, "catalog", now=at)
    assert target == tmp_path / ("catalog" + "-20260102T030405Z.dump") and target.exists()
    [(command, password)] = calls
    assert command[-1] == "postgresql://app@db:5432/app_db" and password == "s@cret"
    assert not any("s@cret" in word or "s%40cret" in word for word in command)


def test_a_failed_pg_dump_says_so_without_the_url_and_leaves_no_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(backup.subprocess, "run", lambda command, env: Finished(1))
    monkeypatch.setenv("DATABASE_URL", "postgresql://app:secret@db:5432/app_db")
    assert backup.main([str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == "backup: pg_dump exited with status 1"
    assert list(tmp_path.iterdir()) == []


def test_a_missing_sqlite_database_is_an_error_not_an_empty_backup(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing.sqlite'}")
    assert backup.main([str(tmp_path / "backups")]) == 1
    assert capsys.readouterr().err.startswith("backup: ")
    assert not (tmp_path / "missing.sqlite").exists()
    assert list((tmp_path / "backups").iterdir()) == []


def test_neither_or_both_arguments_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit):
        backup.main([])
    with pytest.raises(SystemExit):
        backup.main([str(tmp_path), "--restore", str(tmp_path / "x")])
