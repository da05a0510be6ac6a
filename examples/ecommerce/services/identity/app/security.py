"""Bearer tokens (JWT, HS256) issued by the identity service and checked here, and role checks."""

import time
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


# The checks are `async def` although they never wait: FastAPI runs a plain `def` dependency in its
# thread pool, and a hand-off there and back costs more than checking a signature.
async def current_principal(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Principal:
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
    principal = Principal(
        subject=claims["sub"],
        role=claims["role"],
        token=credentials.credentials,
        email=email.strip().lower() if isinstance(email, str) else None,
    )
    # Kept on the request, so what runs for it without this argument (an audit log) knows whose it is.
    request.state.principal = principal
    return principal


def require_roles(*roles: str):
    """A dependency that lets only the given roles through."""

    async def check(principal: Principal = Depends(current_principal)) -> Principal:
        if principal.role not in roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"role {principal.role!r} may not do this")
        return principal

    return check


# A service calling another (to reserve stock) signs its own short-lived token with the shared secret.
SERVICE_ROLE = "service"


def service_token(secret: str, service: str) -> str:
    now = int(time.time())
    return jwt.encode({"sub": service, "role": SERVICE_ROLE, "iat": now, "exp": now + 60}, secret, algorithm="HS256")
