import GravityModel

/// The modules every generated service has: configuration, database, security, clients to other
/// services, migrations, and the application factory.
struct PythonCommonModules {
    let model: AppModel
    let service: AppModel.Service

    var config: String {
        let references = service.referencedServices
        var fields = [
            "    database_url: str",
            "    jwt_secret: str",
            "    page_size: int = \(model.pageSize)",
            "    max_page_size: int = 200",
            "    request_timeout: float = 5.0",
        ]
        var loads = [
            "        database_url=_required(\"DATABASE_URL\"),",
            "        jwt_secret=_required(\"JWT_SECRET\"),",
            "        page_size=int(os.environ.get(\"PAGE_SIZE\", \"\(model.pageSize)\")),",
            "        request_timeout=float(os.environ.get(\"REQUEST_TIMEOUT\", \"5.0\")),",
        ]
        for other in references {
            fields.insert("    \(other)_service_url: str = \"\"", at: 2)
            loads.append("        \(other)_service_url=_required(\"\(AppModel.Service.urlVariable(other))\").rstrip(\"/\"),")
        }
        if service.isIdentity {
            fields.append("    token_lifetime_minutes: int = \(max(1, model.authentication.tokenLifetimeMinutes))")
            fields.append("    admin_email: str | None = None")
            fields.append("    admin_password: str | None = None")
            loads.append(
                "        token_lifetime_minutes=int(os.environ.get(\"TOKEN_LIFETIME_MINUTES\", \"\(max(1, model.authentication.tokenLifetimeMinutes))\")),"
            )
            loads.append("        admin_email=os.environ.get(\"ADMIN_EMAIL\") or None,")
            loads.append("        admin_password=os.environ.get(\"ADMIN_PASSWORD\") or None,")
        }
        return """
            \"\"\"Configuration of the \(service.name) service, read from the environment only.\"\"\"

            import os
            from dataclasses import dataclass


            def _required(name: str) -> str:
                value = os.environ.get(name, "").strip()
                if not value:
                    raise RuntimeError(f"the environment variable {name} must be set")
                return value


            @dataclass(frozen=True)
            class Settings:
            \(fields.joined(separator: "\n"))


            def load_settings() -> Settings:
                \"\"\"Reads the settings; a missing required variable stops the service with a clear message.\"\"\"
                return Settings(
            \(loads.joined(separator: "\n"))
                )

            """
    }

    var database: String {
        """
        \"\"\"Database engine and sessions over DATABASE_URL (SQLite or PostgreSQL).\"\"\"

        from collections.abc import Iterator

        from fastapi import Request
        from sqlalchemy import Engine, create_engine, event
        from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


        class Base(DeclarativeBase):
            pass


        def sqlalchemy_url(url: str) -> str:
            \"\"\"A plain postgresql:// URL, as orchestrators hand out, means the psycopg 3 driver installed here.\"\"\"
            for plain in ("postgresql://", "postgres://"):
                if url.startswith(plain):
                    return "postgresql+psycopg://" + url[len(plain) :]
            return url


        def make_engine(url: str) -> Engine:
            url = sqlalchemy_url(url)
            if url.startswith("sqlite"):
                engine = create_engine(url, connect_args={"check_same_thread": False})

                @event.listens_for(engine, "connect")
                def _enforce_foreign_keys(connection, _record) -> None:  # SQLite leaves them off by default
                    cursor = connection.cursor()
                    cursor.execute("PRAGMA foreign_keys=ON")
                    cursor.close()

                return engine
            return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


        def make_session_factory(engine: Engine) -> sessionmaker[Session]:
            return sessionmaker(engine, expire_on_commit=False)


        def get_session(request: Request) -> Iterator[Session]:
            with request.app.state.session_factory() as session:
                yield session

        """
    }

    var security: String {
        """
        \"\"\"Bearer tokens (JWT, HS256) issued by the identity service and checked here, and role checks.\"\"\"

        from dataclasses import dataclass

        import jwt
        from fastapi import Depends, HTTPException, Request, status
        from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

        _bearer = HTTPBearer(auto_error=False)


        @dataclass(frozen=True)
        class Principal:
            subject: str
            role: str
            token: str
            email: str | None = None


        def current_principal(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Principal:
            if credentials is None:
                raise HTTPException(status.HTTP_401_UNAUTHORIZED, "authentication required", headers={"WWW-Authenticate": "Bearer"})
            try:
                # A token that never expires, or that names no account or role, is not one this app issued.
                claims = jwt.decode(
                    credentials.credentials,
                    request.app.state.settings.jwt_secret,
                    algorithms=["HS256"],
                    options={"require": ["exp", "iat", "sub", "role"]},
                )
            except jwt.PyJWTError:
                raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid or expired token", headers={"WWW-Authenticate": "Bearer"})
            if not isinstance(claims["sub"], str) or not isinstance(claims["role"], str):
                raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid or expired token", headers={"WWW-Authenticate": "Bearer"})
            email = claims.get("email")
            return Principal(
                subject=claims["sub"],
                role=claims["role"],
                token=credentials.credentials,
                email=email.strip().lower() if isinstance(email, str) else None,
            )


        def require_roles(*roles: str):
            \"\"\"A dependency that lets only the given roles through.\"\"\"

            def check(principal: Principal = Depends(current_principal)) -> Principal:
                if principal.role not in roles:
                    raise HTTPException(status.HTTP_403_FORBIDDEN, f"role {principal.role!r} may not do this")
                return principal

            return check

        """
    }

    var clients: String {
        let references = service.referencedServices
        let builders = references.map { other in
            "        \(PythonTypes.pythonString(other)): ServiceClient(\(PythonTypes.pythonString(other)), settings.\(other)_service_url, settings.request_timeout, transport),"
        }
        return """
            \"\"\"Calls to the services this one depends on, to check that referenced records exist.\"\"\"

            import logging

            import httpx
            from fastapi import HTTPException, status

            from app.config import Settings

            logger = logging.getLogger(__name__)


            class ServiceClient:
                def __init__(self, name: str, base_url: str, timeout: float, transport: httpx.BaseTransport | None = None) -> None:
                    self.name = name
                    self._client = httpx.Client(base_url=base_url, timeout=timeout, transport=transport)

                def exists(self, path: str, token: str | None) -> bool:
                    \"\"\"Whether the caller may see the record at path: 200 means yes, any other 4xx (not found, not
                    the caller's, not an id) means no. Only a service that cannot answer is this request's failure,
                    a 503 that names the service; its address and path stay in the log.\"\"\"
                    headers = {"Authorization": f"Bearer {token}"} if token else {}
                    try:
                        response = self._client.get(path, headers=headers)
                    except httpx.HTTPError as error:
                        logger.warning("%s%s: %s", self._client.base_url, path, error.__class__.__name__)
                        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"the {self.name} service cannot be reached")
                    if response.status_code == 200:
                        return True
                    if 400 <= response.status_code < 500:
                        return False
                    logger.warning("%s%s answered %s", self._client.base_url, path, response.status_code)
                    raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"the {self.name} service is unavailable")

                def close(self) -> None:
                    self._client.close()


            def make_clients(settings: Settings, transport: httpx.BaseTransport | None = None) -> dict[str, ServiceClient]:
                return {
            \(builders.joined(separator: "\n"))
                }

            """
    }

    var migrate: String {
        """
        \"\"\"Applies db/migrations/<dialect>/*.sql in order, once each, and optionally the seed data.

        Usage: python -m app.migrate [--seed]   (DATABASE_URL names the database)
        \"\"\"

        import os
        import sys
        from pathlib import Path

        from sqlalchemy import create_engine, text

        from app.database import sqlalchemy_url

        ROOT = Path(__file__).resolve().parent.parent / "db"


        def dialect_of(url: str) -> str:
            return "sqlite" if url.startswith("sqlite") else "postgresql"


        def _run_script(engine, script: str) -> None:
            raw = engine.raw_connection()
            try:
                if engine.dialect.name == "sqlite":
                    raw.executescript(script)
                else:
                    with raw.cursor() as cursor:
                        cursor.execute(script)
                raw.commit()
            finally:
                raw.close()


        def apply(url: str, seed: bool = False) -> list[str]:
            \"\"\"Applies the migrations not yet recorded; returns their names.\"\"\"
            engine = create_engine(sqlalchemy_url(url))
            dialect = dialect_of(url)
            with engine.begin() as connection:
                connection.execute(text("CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(255) PRIMARY KEY)"))
                done = {row[0] for row in connection.execute(text("SELECT version FROM schema_migrations"))}
            applied = []
            for path in sorted((ROOT / "migrations" / dialect).glob("*.sql")):
                if path.name in done:
                    continue
                _run_script(engine, path.read_text())
                with engine.begin() as connection:
                    connection.execute(text("INSERT INTO schema_migrations (version) VALUES (:version)"), {"version": path.name})
                applied.append(path.name)
            if seed and applied:
                _run_script(engine, (ROOT / "seed" / f"{dialect}.sql").read_text())
            engine.dispose()
            return applied


        if __name__ == "__main__":
            names = apply(os.environ["DATABASE_URL"], seed="--seed" in sys.argv)
            print("applied: " + (", ".join(names) if names else "nothing new"))

        """
    }

    func main(routers: [String]) -> String {
        let imports = routers.map { "from app.routes import \($0)" }.joined(separator: "\n")
        let includes = routers.map { "    app.include_router(\($0).router)" }.joined(separator: "\n")
        let startup = service.isIdentity ? "\n    accounts.prepare(app)" : ""
        return """
            \"\"\"The \(service.name) service: \(PythonTypes.docstringText(service.description)).\"\"\"

            import logging

            import httpx
            from fastapi import FastAPI, Request
            from fastapi.exceptions import RequestValidationError
            from fastapi.responses import JSONResponse
            from sqlalchemy import text
            from sqlalchemy.exc import DataError, OperationalError

            from app.clients import make_clients
            from app.config import Settings, load_settings
            from app.database import make_engine, make_session_factory
            \(imports)

            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s \(service.name) %(message)s")


            def create_app(settings: Settings | None = None, transport: httpx.BaseTransport | None = None) -> FastAPI:
                \"\"\"Builds the application; run it with: uvicorn --factory app.main:create_app\"\"\"
                settings = settings or load_settings()
                engine = make_engine(settings.database_url)
                app = FastAPI(title=\(PythonTypes.pythonString("\(model.title): \(service.name)")), version="1.0.0")
                app.state.settings = settings
                app.state.session_factory = make_session_factory(engine)
                app.state.clients = make_clients(settings, transport)
            \(includes)

                @app.exception_handler(RequestValidationError)
                async def invalid_request(request: Request, error: RequestValidationError):
                    # Where and why, without echoing the input: a NaN in it cannot even be written as JSON.
                    problems = [{"loc": list(item["loc"]), "msg": item["msg"], "type": item["type"]} for item in error.errors()]
                    return JSONResponse({"detail": problems}, status_code=422)

                @app.exception_handler(OperationalError)
                async def database_unavailable(request: Request, error: OperationalError):
                    # A database that cannot be reached or written (a full disk, a read-only directory) is
                    # the service's trouble, said as such; its own words go to the log.
                    logging.getLogger(__name__).error("database: %s", error.orig)
                    return JSONResponse({"detail": "the database is unavailable; try again later"}, status_code=503)

                @app.exception_handler(DataError)
                async def value_out_of_range(request: Request, error: DataError):
                    # A value the schema let through but the column cannot hold (PostgreSQL checks what
                    # SQLite does not): the request's fault, said without the database's words.
                    logging.getLogger(__name__).info("422: %s", error.orig)
                    return JSONResponse({"detail": "a value does not fit its column"}, status_code=422)

                @app.get("\(service.healthCheck)", tags=["health"])
                def health():
                    # Healthy means the database takes a write: a row in health_probe (an empty table made
                    # once), written and rolled back, so a read-only file or directory shows here, not in a
                    # user's request.
                    try:
                        with engine.connect() as connection:
                            with connection.begin():
                                connection.execute(text("CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY)"))
                            with connection.begin() as probe:
                                connection.execute(text("INSERT INTO health_probe (id) VALUES (1)"))
                                probe.rollback()
                    except Exception as error:  # the database is what health means here
                        logging.getLogger(__name__).error("health: %s", error)
                        return JSONResponse({"status": "unavailable", "service": "\(service.name)", "error": "the database cannot be written"}, status_code=503)
                    return {"status": "ok", "service": "\(service.name)"}
            \(startup)
                return app

            """
    }
}
