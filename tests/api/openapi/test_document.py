"""The OpenAPI document: valid 3.1, complete, and true to what the API answers."""

from __future__ import annotations

import re
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, reject, settings
from hypothesis.errors import Unsatisfiable
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]
from openapi_spec_validator import validate
from schemathesis import Case
from schemathesis.core.failures import FailureGroup
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.modes import GenerationMode

from app.api.main import create_app
from app.config import get_settings

OPERATION_IDS = {
    "listClaims", "getClaim", "listActors", "getActor", "listBriefs", "getBrief",
    "getBriefSource", "createBrief", "deleteBrief", "listStatements", "getStatement",
    "listEvents", "getEvent", "getStats", "getHealth", "getReadiness", "listActorMentions",
    "listChanges", "getClaimHistory", "listBriefRevisions", "getBriefRevision",
    "listRelatedActors",
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
QUERY, HEADER = ParameterLocation.QUERY, ParameterLocation.HEADER
# What FastAPI (pydantic, lax mode) reads as an integer or a boolean in a query string.
INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
BOOLEAN_TEXT = dict.fromkeys(("true", "t", "yes", "y", "on", "1"), True) | dict.fromkeys(
    ("false", "f", "no", "n", "off", "0"), False
)


def _wire_texts(value: object) -> list[str] | None:
    """The texts a query value goes out as, one per repeated key; None where that is ambiguous."""
    texts = []
    for item in value if type(value) is list else [value]:
        if type(item) is bool:
            texts.append("true" if item else "false")
        elif item is None:
            texts.append("null")  # as schemathesis spells it in negative queries
        elif type(item) in (str, int, float):
            texts.append(str(item))
        else:  # a dict, a nested list, a pre-encoded `str` subclass
            return None
    return texts


def _on_the_wire(query: dict[str, Any]) -> dict[str, Any]:
    """`query` as it is sent: schemathesis turns an empty object into an empty text and
    the client any other object into its `str` (`location={}` is `location=`), which a
    string parameter may well accept."""
    return {
        name: ("" if value == {} else str(value)) if type(value) is dict else value
        for name, value in query.items()
    }


def _branches(schema: dict[str, Any], root: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives of `schema`, with refs (bundled by schemathesis under `root`) resolved."""
    while "$ref" in schema:
        node: Any = root
        for token in schema["$ref"].removeprefix("#/").split("/"):
            node = node[token]
        schema = node
    nested = [_branches(branch, root) for branch in schema.get("anyOf", [])]
    return [branch for branches in nested for branch in branches] if nested else [schema]


def _read(text: str, branches: list[dict[str, Any]]) -> object:
    """The value FastAPI reads from `text`: the text itself, unless only a number or flag fits."""
    kinds = {branch.get("type") for branch in branches}
    if "integer" in kinds and "string" not in kinds and INTEGER_TEXT.fullmatch(text):
        return int(text)
    if "boolean" in kinds and "string" not in kinds and text.lower() in BOOLEAN_TEXT:
        return BOOLEAN_TEXT[text.lower()]
    return text


def _negation_vanishes_on_the_wire(case: Case[Any]) -> bool:
    """Whether a case negated only in its query sends a valid query (schemathesis#3056)."""
    meta = case.meta
    if meta is None or not meta.is_negative_at(QUERY):
        return False
    if any(meta.is_negative_at(location) for location in meta.components if location is not QUERY):
        return False
    query = _on_the_wire(case.query or {})
    parameters = {parameter.name: parameter.definition for parameter in case.operation.query}
    if not set(query) <= set(parameters):
        return False
    for name, definition in parameters.items():
        texts, schema = _wire_texts(query.get(name, [])), definition["schema"]
        branches = _branches(schema, schema)
        items = next((b.get("items", {}) for b in branches if b.get("type") == "array"), None)
        if texts is None or (items is None and len(texts) > 1):
            return False
        if not texts and definition.get("required"):
            return False
        if texts:
            value = (
                [_read(text, _branches(items, schema)) for text in texts]
                if items is not None
                else _read(texts[0], branches)
            )
            if not Draft202012Validator(schema, format_checker=FormatChecker()).is_valid(value):
                return False
    return True


def _run_operation(operation: Any, mode: GenerationMode, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Case[Any]) -> None:
        if mode is GenerationMode.NEGATIVE and _negation_vanishes_on_the_wire(case):
            reject()  # not a negative case at all
        # A case made invalid in its headers (the key left out, say) is sent as generated.
        negative_headers = case.meta is not None and case.meta.is_negative_at(HEADER)
        case.call_and_validate(headers=None if negative_headers else headers)

    check()


def test_api_conforms_to_its_openapi_document(
    client: TestClient, api_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schemathesis, every check, positive and negative data, against the seeded app."""
    monkeypatch.setenv("CHANCERY_FEED_MAX_WAIT_S", "0")  # a long poll answers at once
    get_settings.cache_clear()
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
            # FailureGroup is a BaseExceptionGroup: without it the first failure ends the loop.
            except (Exception, FailureGroup) as error:  # report every operation, not the first
                failures.append(f"{operation.label} [{mode.value}]: {error}")
    assert not failures, "\n\n".join(failures)
