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
from urllib.parse import unquote, urlsplit, urlunsplit

SERVICE = "orders"


def sqlite_path(url: str) -> Path:
    # sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy reads them.
    return Path(url.split(":///", 1)[1])


def libpq(url: str) -> tuple[str, dict[str, str]]:
    """The URL pg_dump understands (no SQLAlchemy driver name, no password) and the environment that
    carries the password: on the command line, the process list would show it."""
    parts = urlsplit(url)
    password = unquote(parts.password or "")
    host = parts.hostname or ""
    netloc = (f"{parts.username}@" if parts.username else "") + host + (f":{parts.port}" if parts.port else "")
    plain = urlunsplit(("postgresql", netloc, parts.path, parts.query, parts.fragment))
    return plain, dict(os.environ, PGPASSWORD=password) if password else dict(os.environ)


def run(command: list[str], environment: dict[str, str]) -> None:
    """Runs a PostgreSQL client; its failure is said by its exit status, never with its arguments."""
    finished = subprocess.run(command, env=environment)
    if finished.returncode != 0:
        raise BackupFailed(f"{command[0]} exited with status {finished.returncode}")


class BackupFailed(Exception):
    pass


def backup(url: str, directory: Path, service: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    directory.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        target = directory / f"{service}-{stamp}.sqlite"
        partial = target.with_suffix(".partial")
        # Read-only: a database that is not there is an error, not an empty one made on the spot.
        source_uri = f"file:{sqlite_path(url)}?mode=ro"
        with closing(sqlite3.connect(source_uri, uri=True)) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
    else:
        target = directory / f"{service}-{stamp}.dump"
        partial = target.with_suffix(".partial")
        plain, environment = libpq(url)
        try:
            run(["pg_dump", "--format=custom", "--no-owner", "--file", str(partial), "--dbname", plain], environment)
        except BackupFailed:
            partial.unlink(missing_ok=True)
            raise
    # Only a whole backup gets its name.
    partial.replace(target)
    return target


def restore(url: str, file: Path) -> None:
    if not file.is_file():
        raise FileNotFoundError(f"{file}: no such backup")
    if url.startswith("sqlite"):
        with closing(sqlite3.connect(file)) as source, closing(sqlite3.connect(sqlite_path(url))) as database:
            source.backup(database)
        return
    plain, environment = libpq(url)
    run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname", plain, str(file)], environment)


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
    except (OSError, sqlite3.Error, BackupFailed) as error:
        print(f"backup: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
