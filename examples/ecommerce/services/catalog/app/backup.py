"""Backs up the service's database, or restores a backup over it.

Usage: python -m app.backup DIRECTORY        writes <service>-<UTC time>.sqlite (or .dump) there
       python -m app.backup --restore FILE   puts FILE's contents in place of the database's
(DATABASE_URL names the database.) SQLite is copied with its online backup API, so a copy taken
while the service writes is still consistent; PostgreSQL goes through pg_dump and pg_restore."""

import argparse
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from contextlib import closing
from pathlib import Path

SERVICE = "catalog"


def sqlite_path(url: str) -> Path:
    # sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy reads them.
    return Path(url.split(":///", 1)[1])


def libpq_url(url: str) -> str:
    """The URL pg_dump understands: no SQLAlchemy driver name."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgres") else url


def backup(url: str, directory: Path, service: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    directory.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        target = directory / f"{service}-{stamp}.sqlite"
        with closing(sqlite3.connect(sqlite_path(url))) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
        return target
    target = directory / f"{service}-{stamp}.dump"
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), "--dbname", libpq_url(url)], check=True)
    return target


def restore(url: str, file: Path) -> None:
    if not file.is_file():
        raise FileNotFoundError(f"{file}: no such backup")
    if url.startswith("sqlite"):
        with closing(sqlite3.connect(file)) as source, closing(sqlite3.connect(sqlite_path(url))) as database:
            source.backup(database)
        return
    subprocess.run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname", libpq_url(url), str(file)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.backup", description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, help="where the backup is written")
    parser.add_argument("--restore", type=Path, metavar="FILE", help="a backup to restore")
    arguments = parser.parse_args(argv)
    if (arguments.directory is None) == (arguments.restore is None):
        parser.error("give a DIRECTORY to back up into, or --restore FILE")
    url = os.environ.get("DATABASE_URL")
    if not url:
        print("backup: DATABASE_URL is not set", file=sys.stderr)
        return 2
    try:
        if arguments.restore is not None:
            restore(url, arguments.restore)
            print(f"restored {arguments.restore}")
        else:
            print(backup(url, arguments.directory, SERVICE))
    except (OSError, sqlite3.Error, subprocess.CalledProcessError) as error:
        print(f"backup: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
