import GravityModel

/// The identity service: accounts with hashed passwords, sign-in that issues JWTs, and the
/// bootstrap administrator.
struct PythonIdentityModules {
    let model: AppModel
    let service: AppModel.Service

    var defaultRole: String { model.roles.first ?? "user" }
    var adminRole: String { model.administratorRole }

    var schemas: String {
        let roles = model.roles.map(PythonTypes.pythonString).joined(separator: ", ")
        return """
            \"\"\"Request and response bodies of the identity service.\"\"\"

            from datetime import datetime
            from typing import Annotated, Literal

            from pydantic import BaseModel, ConfigDict, Field, StringConstraints

            # Trimmed and lowercased, so that an account's email is one whatever its case; no NUL, which
            # PostgreSQL cannot store.
            Email = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, max_length=254, pattern=r"^[^@\\s\\x00]+@[^@\\s\\x00]+\\.[^@\\s\\x00]+$")]


            class Registration(BaseModel):
                model_config = ConfigDict(extra="forbid")

                email: Email
                password: Annotated[str, Field(min_length=8, max_length=128)]
                display_name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120, pattern=r"^[^\\x00]*$")]


            class Credentials(BaseModel):
                model_config = ConfigDict(extra="forbid")

                email: Email
                password: Annotated[str, Field(min_length=1, max_length=128)]


            class Token(BaseModel):
                access_token: str
                token_type: str = "bearer"
                expires_in: int
                role: str


            class RoleChange(BaseModel):
                model_config = ConfigDict(extra="forbid")

                role: Literal[\(roles)]


            class AccountOut(BaseModel):
                model_config = ConfigDict(from_attributes=True)

                id: int
                email: str
                display_name: str
                role: Literal[\(roles)]
                created_at: datetime | None = None

            """
    }

    var passwords: String {
        """
        \"\"\"Password hashing with PBKDF2-SHA256 and a random salt per password.\"\"\"

        import base64
        import hashlib
        import hmac
        import secrets

        ITERATIONS = 120_000


        def hash_password(password: str) -> str:
            salt = secrets.token_bytes(16)
            digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS)
            return f"pbkdf2_sha256${ITERATIONS}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


        def verify_password(password: str, stored: str) -> bool:
            try:
                scheme, iterations, salt, digest = stored.split("$")
            except ValueError:
                return False
            if scheme != "pbkdf2_sha256":
                return False
            candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
            return hmac.compare_digest(candidate, base64.b64decode(digest))

        """
    }

    var throttle: String {
        """
        \"\"\"Failed sign-ins per account: after a few, that account's sign-in waits, so guessing its password slows to a crawl.\"\"\"

        import math
        import threading
        import time
        from collections import OrderedDict

        MAX_FAILURES = 5
        WINDOW_SECONDS = 15 * 60
        # Bounds the memory an attacker trying many emails can take.
        TRACKED_ACCOUNTS = 10_000


        class SignInThrottle:
            \"\"\"Counts in this process only: each replica of the service keeps its own count.\"\"\"

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
                \"\"\"0 when `email` may try to sign in now, counting the try as a failure until `succeeded`
                says otherwise; else whole seconds until it may try again. Checking and counting under
                one lock means that parallel guesses cannot all pass the check before any is counted.\"\"\"
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
                \"\"\"Room for one more email: expired entries go first, then the oldest that is not locked
                out. A locked-out email is never forgotten early, so trying many other emails cannot
                unlock it; when every entry is locked out, new emails wait instead.\"\"\"
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

        """
    }

    var routes: String {
        """
        \"\"\"Accounts: register, sign in, read one's own account; the administrator lists accounts and sets roles.\"\"\"

        import logging
        import secrets
        from datetime import datetime, timedelta, timezone

        import jwt
        from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Request, status
        from sqlalchemy import select
        from sqlalchemy.exc import IntegrityError
        from sqlalchemy.orm import Session

        from app.database import get_session
        from app.models import UserAccount
        from app.passwords import hash_password, verify_password
        from app.throttle import SignInThrottle
        from app.schemas import AccountOut, Credentials, Registration, RoleChange, Token
        from app.security import Principal, current_principal, require_roles

        router = APIRouter(prefix="\(service.apiPrefix)", tags=["accounts"])
        log = logging.getLogger("accounts")

        DEFAULT_ROLE = \(PythonTypes.pythonString(defaultRole))
        ADMIN_ROLE = \(PythonTypes.pythonString(adminRole))
        # An unknown email is checked against this, so it takes as long as a wrong password and timing
        # does not tell which emails have accounts.
        UNKNOWN_ACCOUNT_HASH = hash_password(secrets.token_urlsafe(16))


        @router.post("/register", response_model=AccountOut, status_code=status.HTTP_201_CREATED)
        def register(payload: Registration, session: Session = Depends(get_session)):
            account = UserAccount(
                email=payload.email, display_name=payload.display_name, password_hash=hash_password(payload.password), role=DEFAULT_ROLE
            )
            session.add(account)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                raise HTTPException(status.HTTP_409_CONFLICT, "an account with this email exists")
            session.refresh(account)
            return account


        @router.post("/login", response_model=Token)
        def login(payload: Credentials, request: Request, session: Session = Depends(get_session)):
            email = payload.email  # trimmed and lowercased by the Email type
            throttle: SignInThrottle = request.app.state.sign_in_throttle
            wait = throttle.attempt(email)
            if wait:
                raise HTTPException(
                    status.HTTP_429_TOO_MANY_REQUESTS, "too many failed sign-ins for this account; try again later", headers={"Retry-After": str(wait)}
                )
            account = session.scalar(select(UserAccount).where(UserAccount.email == email))
            matches = verify_password(payload.password, account.password_hash if account is not None else UNKNOWN_ACCOUNT_HASH)
            if account is None or not matches:
                log.info("failed sign-in for %s", email)
                raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong email or password")
            throttle.succeeded(email)
            return issue_token(account, request.app.state.settings)


        def issue_token(account: UserAccount, settings) -> Token:
            lifetime = timedelta(minutes=settings.token_lifetime_minutes)
            now = datetime.now(timezone.utc)
            claims = {"sub": str(account.id), "email": account.email, "role": account.role, "iat": now, "exp": now + lifetime}
            token = jwt.encode(claims, settings.jwt_secret, algorithm="HS256")
            return Token(access_token=token, expires_in=int(lifetime.total_seconds()), role=account.role)


        @router.get("/me", response_model=AccountOut)
        def me(principal: Principal = Depends(current_principal), session: Session = Depends(get_session)):
            account = session.get(UserAccount, int(principal.subject)) if principal.subject.isdigit() else None
            if account is None:
                raise HTTPException(status.HTTP_404_NOT_FOUND, "the account no longer exists")
            return account


        @router.get("/accounts", response_model=list[AccountOut])
        def accounts(_admin: Principal = Depends(require_roles(ADMIN_ROLE)), session: Session = Depends(get_session)):
            return session.scalars(select(UserAccount).order_by(UserAccount.id)).all()


        @router.put("/accounts/{account_id}/role", response_model=AccountOut)
        def change_role(
            payload: RoleChange,
            account_id: int = Path(ge=1, le=2_147_483_647),
            admin: Principal = Depends(require_roles(ADMIN_ROLE)),
            session: Session = Depends(get_session),
        ):
            \"\"\"Gives an account a role (it takes effect when the account next signs in).\"\"\"
            account = session.get(UserAccount, account_id)
            if account is None:
                raise HTTPException(status.HTTP_404_NOT_FOUND, f"no account {account_id}")
            if str(account.id) == admin.subject and payload.role != ADMIN_ROLE:
                raise HTTPException(status.HTTP_409_CONFLICT, "an administrator cannot take its own role away")
            account.role = payload.role
            session.commit()
            session.refresh(account)
            log.info("account %s is now %s", account.id, account.role)
            return account


        def prepare(app: FastAPI) -> None:
            \"\"\"What the accounts need before the first request: the sign-in throttle and the administrator.\"\"\"
            app.state.sign_in_throttle = SignInThrottle()
            bootstrap_admin(app)


        def bootstrap_admin(app: FastAPI) -> None:
            \"\"\"Creates the administrator named by ADMIN_EMAIL and ADMIN_PASSWORD if it does not exist.\"\"\"
            settings = app.state.settings
            if not settings.admin_email or not settings.admin_password:
                return
            with app.state.session_factory() as session:
                email = settings.admin_email.lower()
                if session.scalar(select(UserAccount).where(UserAccount.email == email)) is not None:
                    return
                session.add(UserAccount(email=email, display_name="Administrator", password_hash=hash_password(settings.admin_password), role=ADMIN_ROLE))
                try:
                    session.commit()
                    log.info("created the administrator account %s", email)
                except IntegrityError:  # another replica created it first
                    session.rollback()

        """
    }
}
