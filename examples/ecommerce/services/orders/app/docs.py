"""Interactive API docs, served by the service itself under its own prefix, so that they are found
through the gateway too. Swagger UI's files come from a package, never from a CDN, and the page runs
no inline script: the gateway's Content-Security-Policy allows none. The files are fastapi-offline's
Swagger UI 5 (only its files are used): swagger-ui-bundle's is Swagger UI 4, which cannot read the
OpenAPI 3.1 that FastAPI writes."""

import json
from html import escape
from importlib.resources import files

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

SWAGGER_UI = files("fastapi_offline") / "static"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}: API</title>
<link rel="stylesheet" href="{prefix}/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{prefix}/docs/assets/swagger-ui-bundle.js"></script>
<script src="{prefix}/docs/start.js"></script>
</body>
</html>
"""

START = 'window.ui = SwaggerUIBundle({{ url: {url}, dom_id: "#swagger-ui", deepLinking: true }});\n'


def install(app: FastAPI, prefix: str) -> None:
    """Serves the docs page at <prefix>/docs, for the description at the app's openapi_url."""
    app.mount(f"{prefix}/docs/assets", StaticFiles(directory=str(SWAGGER_UI)), name="swagger-ui")
    page = PAGE.format(prefix=prefix, title=escape(app.title))
    start = START.format(url=json.dumps(app.openapi_url))

    @app.get(f"{prefix}/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(f"{prefix}/docs/start.js", include_in_schema=False)
    def docs_start() -> Response:
        return Response(start, media_type="text/javascript")
