"""Accounts: register, sign in, read one's own account; the administrator lists accounts and sets roles."""

import logging
import secrets
from datetime import datetime, timedelta, timezone

import jwt
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Request, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.database import closes_its_session, route_session
from app.models import UserAccount
from app.passwords import hash_password, verify_password
from app.throttle import SignInThrottle
from app.schemas import AccountOut, Credentials, Registration, RoleChange, Token
from app.security import Principal, current_principal, require_roles

router = APIRouter(prefix="/api/auth", tags=["accounts"])
log = logging.getLogger("accounts")

DEFAULT_ROLE = "customer"
ADMIN_ROLE = "admin"
# An unknown email is checked against this, so it takes as long as a wrong password and timing
# does not tell which emails have accounts.
UNKNOWN_ACCOUNT_HASH = hash_password(secrets.token_urlsafe(16))


# Registration and sign-in hash a password, which takes a core for a while on purpose: they run in
# the thread pool, not on the event loop; the rest touch only the database and run on the loop.
@router.post("/register", response_model=AccountOut, status_code=status.HTTP_201_CREATED)
@closes_its_session
def register(payload: Registration, session: Session = route_session):
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
@closes_its_session
def login(payload: Credentials, request: Request, session: Session = route_session):
    email = payload.email  # trimmed and lowercased by the Email type
    throttle: SignInThrottle = request.app.state.sign_in_throttle
    wait = throttle.attempt(session, email)
    if wait:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS, "too many failed sign-ins for this account; try again later", headers={"Retry-After": str(wait)}
        )
    account = session.scalar(select(UserAccount).where(UserAccount.email == email))
    matches = verify_password(payload.password, account.password_hash if account is not None else UNKNOWN_ACCOUNT_HASH)
    if account is None or not matches:
        log.info("failed sign-in for %s", email)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong email or password")
    throttle.succeeded(session, email)
    return issue_token(account, request.app.state.settings)


def issue_token(account: UserAccount, settings) -> Token:
    lifetime = timedelta(minutes=settings.token_lifetime_minutes)
    now = datetime.now(timezone.utc)
    claims = {"sub": str(account.id), "email": account.email, "role": account.role, "iat": now, "exp": now + lifetime}
    token = jwt.encode(claims, settings.jwt_secret, algorithm="HS256")
    return Token(access_token=token, expires_in=int(lifetime.total_seconds()), role=account.role)


@router.get("/me", response_model=AccountOut)
async def me(principal: Principal = Depends(current_principal), session: Session = route_session):
    account = session.get(UserAccount, int(principal.subject)) if principal.subject.isdigit() else None
    if account is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "the account no longer exists")
    return account


@router.get("/accounts", response_model=list[AccountOut])
async def accounts(_admin: Principal = Depends(require_roles(ADMIN_ROLE)), session: Session = route_session):
    return session.scalars(select(UserAccount).order_by(UserAccount.id)).all()


@router.put("/accounts/{account_id}/role", response_model=AccountOut)
async def change_role(
    payload: RoleChange,
    account_id: int = Path(ge=1, le=2_147_483_647),
    admin: Principal = Depends(require_roles(ADMIN_ROLE)),
    session: Session = route_session,
):
    """Gives an account a role (it takes effect when the account next signs in)."""
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
    """What the accounts need before the first request: the sign-in throttle and the administrator."""
    app.state.sign_in_throttle = SignInThrottle()
    bootstrap_admin(app)


def bootstrap_admin(app: FastAPI) -> None:
    """Creates the administrator named by ADMIN_EMAIL and ADMIN_PASSWORD if it does not exist."""
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
