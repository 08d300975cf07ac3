"""The dashboard at `/dashboard`: static HTML, CSS and JavaScript modules that read `/v1`.

No build step: the browser loads the files in `static/` as they are. They are package
data, so an installed Chancery serves them too.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
# The page runs only its own scripts and styles and talks only to this server.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

router = APIRouter(include_in_schema=False)


@router.get("/dashboard")
def get_dashboard() -> FileResponse:
    """The dashboard page."""
    return FileResponse(
        STATIC / "index.html", headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY}
    )


@router.get("/dashboard/")
def redirect_to_dashboard() -> RedirectResponse:
    """`/dashboard/` is the same page."""
    return RedirectResponse("/dashboard", status_code=308)


router.mount("/dashboard/static", StaticFiles(directory=STATIC), name="dashboard-static")
