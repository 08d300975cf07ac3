PYTHON ?= .venv/bin/python

.PHONY: sdk
## sdk: export openapi.json and generate the Python client and TypeScript types into sdk/generated
sdk:
	npm ci --prefix sdk/typescript --no-audit --no-fund
	$(PYTHON) scripts/sdk.py
