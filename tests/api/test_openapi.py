"""The OpenAPI document: valid 3.1, complete, and true to what the API answers."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from openapi_spec_validator import validate
from schemathesis.generation.modes import GenerationMode

from app.api.main import create_app

OPERATION_IDS = {
    "listClaims", "getClaim", "listActors", "getActor", "listBriefs", "getBrief",
    "getBriefSource", "createBrief", "deleteBrief", "listStatements", "getStatement",
    "listEvents", "getEvent", "getStats", "getHealth", "getReadiness",
}  # fmt: skip


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return create_app().openapi()


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for path in document["paths"].values() for op in path.values()]


def test_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_operation_has_a_stable_id_tag_summary_and_description(
    document: dict[str, Any],
) -> None:
    operations = _operations(document)
    assert {op["operationId"] for op in operations} == OPERATION_IDS
    for op in operations:
        assert op["tags"], op["operationId"]
        assert op["summary"], op["operationId"]
        assert op["description"], op["operationId"]
        assert "\n" not in op["summary"]
        for parameter in op.get("parameters", []):
            assert parameter.get("description"), (op["operationId"], parameter["name"])


def test_schema_names_are_clean_for_sdk_generators(document: dict[str, Any]) -> None:
    names = set(document["components"]["schemas"])
    assert not {n for n in names if n.startswith(("Body_", "app__")) or "__" in n or "-" in n}
    assert {"ClaimStatus", "StatementKind", "ActorKind", "Problem", "BriefInput"} <= names
    assert "HTTPValidationError" not in names


def test_errors_are_documented_as_problem_json(document: dict[str, Any]) -> None:
    for op in _operations(document):
        for status, response in op["responses"].items():
            if status.startswith(("4", "5")):
                assert list(response["content"]) == ["application/problem+json"], (
                    op["operationId"], status
                )  # fmt: skip
    assert set(document["paths"]["/v1/briefs"]["post"]["responses"]) >= {
        "200", "201", "401", "403", "413", "415", "422"
    }  # fmt: skip


SCHEMATHESIS_CONFIG = {
    "generation": {"max-examples": 30},
    "checks": {
        # Valid-by-schema input that no schema can rule out: a date range that ends before
        # it starts, a cursor the API never issued, a brief the parser cannot read.
        "positive_data_acceptance": {"expected-statuses": ["2xx", "404", "422"]},
    },
}
EXAMPLES_PER_OPERATION = 30


def _run_operation(operation: Any, mode: GenerationMode, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        case.call_and_validate(headers=headers)

    check()


def test_api_conforms_to_its_openapi_document(client: TestClient, api_key: str) -> None:
    """Schemathesis, every check, positive and negative data, against the seeded app."""
    config = schemathesis.config.SchemathesisConfig.from_dict(SCHEMATHESIS_CONFIG)
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app, config=config)
    headers = {"Authorization": f"Bearer {api_key}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == len(OPERATION_IDS)
    failures: list[str] = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _run_operation(operation, mode, headers)
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE  # nothing to break: no parameters
            except Exception as error:  # report every operation, not just the first
                failures.append(f"{operation.label} [{mode.value}]: {error}")
    assert not failures, "\n\n".join(failures)
