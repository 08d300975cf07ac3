"""The API benchmark at scale: Chancery against Datasette and a bare Starlette ceiling."""
