"""Generate Chancery's SDKs from its OpenAPI document.

    python scripts/sdk.py [--out DIR]        (default DIR: sdk/generated, git-ignored)

Writes:

- `DIR/openapi.json`: the document, exported from the app (no server needed);
- `DIR/python/`: an installable `chancery-client` package, by openapi-python-client;
- `DIR/typescript/schema.d.ts`: types, by openapi-typescript, beside copies of
  `sdk/typescript/consumer.ts` and `tsconfig.json`, which are then type-checked with `tsc`.

A generator warning is an error: the script exits 1 and prints it. The TypeScript tools come
from `sdk/typescript/node_modules` (`npm ci --prefix sdk/typescript`).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.api.main import create_app

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT / "sdk"
TYPESCRIPT = SDK / "typescript"
NODE_BIN = TYPESCRIPT / "node_modules" / ".bin"
PYTHON_CONFIG = SDK / "python" / "config.yaml"
DEFAULT_OUT = SDK / "generated"
CONSUMER_FILES = ("consumer.ts", "tsconfig.json")
# Request body types openapi-python-client can send; it warns about (and skips) others.
PYTHON_BODY_TYPES = {"application/json", "multipart/form-data", "application/octet-stream"}
WARNING = re.compile(r"\bwarn", re.IGNORECASE)


class GenerationError(Exception):
    """A generator failed or warned."""


def export_document() -> dict[str, Any]:
    """The OpenAPI document, exactly as the app serves it at `/openapi.json`."""
    return create_app().openapi()


def python_client_document(document: dict[str, Any]) -> dict[str, Any]:
    """The document as given to openapi-python-client.

    It cannot send a raw `text/plain` body, so `createBrief` keeps only its JSON form
    (`{text, source_name}`), which the API accepts equally; nothing else changes.
    """
    trimmed = copy.deepcopy(document)
    for path in trimmed["paths"].values():
        for operation in path.values():
            content = operation.get("requestBody", {}).get("content", {})
            for media_type in set(content) - PYTHON_BODY_TYPES:
                del content[media_type]
    return trimmed


def run(command: list[str | Path]) -> str:
    """Run a generator; its output, or GenerationError when it fails or warns."""
    # The Python generator formats its output with the `ruff` installed beside this Python.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path},
        check=False,
    )
    output = result.stdout + result.stderr
    if result.returncode != 0 or WARNING.search(output):
        shown = " ".join(str(part) for part in command)
        raise GenerationError(f"{shown} (exit {result.returncode}):\n{output}")
    return output


def write_json(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return path


def generate_python(document: dict[str, Any], out: Path) -> str:
    """Generate the Python client project into `out/python`."""
    source = write_json(out / "openapi.python.json", python_client_document(document))
    generator = Path(sys.executable).parent / "openapi-python-client"
    return run([
        generator, "generate", "--path", source, "--output-path", out / "python",
        "--config", PYTHON_CONFIG, "--meta", "setup", "--overwrite", "--fail-on-warning",
    ])  # fmt: skip


def generate_typescript(document_path: Path, out: Path) -> str:
    """Generate `schema.d.ts` into `out/typescript` and type-check the consumer against it."""
    target = out / "typescript"
    target.mkdir(exist_ok=True)
    output = run([NODE_BIN / "openapi-typescript", document_path, "-o", target / "schema.d.ts"])
    for name in CONSUMER_FILES:
        shutil.copyfile(TYPESCRIPT / name, target / name)
    return output + run([NODE_BIN / "tsc", "--project", target / "tsconfig.json"])


def generate(out: Path) -> str:
    """Everything above into `out`; the generators' combined output."""
    if not (NODE_BIN / "tsc").exists():
        raise GenerationError(f"no TypeScript tools: run `npm ci --prefix {TYPESCRIPT}`")
    out.mkdir(parents=True, exist_ok=True)
    document = export_document()
    document_path = write_json(out / "openapi.json", document)
    return generate_python(document, out) + generate_typescript(document_path, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    try:
        output = generate(args.out.resolve())
    except GenerationError as error:
        print(error, file=sys.stderr)
        return 1
    print(output.strip())
    print(f"SDKs written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
