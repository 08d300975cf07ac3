# Chancery API image. Same install and start commands as the README.
FROM python:3.12-slim AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, in their own cached layer: only pyproject.toml invalidates it.
COPY pyproject.toml README.md ./
RUN mkdir app && touch app/__init__.py \
    && pip install . \
    && pip uninstall -y chancery \
    && rm -rf app

# The application itself (editable, so `migrations/` and `seeds/` resolve beside `app/`).
COPY alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY seeds ./seeds
RUN pip install --no-deps -e . \
    && useradd --system --uid 10001 --home-dir /app chancery \
    && mkdir -p /data && chown chancery /data

USER chancery
ENV CHANCERY_DATABASE_URL=sqlite:////data/chancery.db
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"

CMD ["chancery", "serve", "--host", "0.0.0.0", "--port", "8000"]
