"""The one error hierarchy: the 422 body (`invalid_params` and detail) is built in one place."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from app.errors import InvalidParameterError


class _Body(BaseModel):
    text: str
    count: int


def _validation_errors() -> ValidationError:
    try:
        _Body.model_validate({"text": 3})
    except ValidationError as error:
        return error
    raise AssertionError("the body should not validate")


def test_one_parameter_names_itself_in_the_detail_and_the_list() -> None:
    error = InvalidParameterError.for_param("query.cursor", "not a cursor issued by this API")
    assert (error.status, error.slug) == (422, "invalid-parameter")
    assert error.detail == "query.cursor: not a cursor issued by this API"
    assert error.extensions == {
        "invalid_params": [{"name": "query.cursor", "reason": "not a cursor issued by this API"}]
    }


def test_several_parameters_are_all_listed_and_joined_in_the_detail() -> None:
    error = InvalidParameterError.for_params([("query.limit", "too big"), ("query.q", "empty")])
    assert error.detail == "query.limit: too big; query.q: empty"
    assert [param["name"] for param in error.extensions["invalid_params"]] == [
        "query.limit",
        "query.q",
    ]


def test_a_given_detail_replaces_the_joined_one_but_not_the_list() -> None:
    params = [("query.limit", "repeated"), ("query.q", "repeated")]
    error = InvalidParameterError.for_params(params, detail="query.limit: repeated")
    assert error.detail == "query.limit: repeated"
    assert len(error.extensions["invalid_params"]) == 2


def test_no_parameter_still_gives_a_detail() -> None:
    error = InvalidParameterError.for_params([])
    assert error.detail == "Invalid request."
    assert error.extensions == {"invalid_params": []}


def test_pydantic_errors_are_named_by_their_location_after_the_prefix() -> None:
    error = InvalidParameterError.from_validation(_validation_errors().errors(), prefix=("body",))
    names = [param["name"] for param in error.extensions["invalid_params"]]
    assert names == ["body.text", "body.count"]
    reasons = [param["reason"] for param in error.extensions["invalid_params"]]
    assert reasons == ["Input should be a valid string", "Field required"]
    assert error.detail == "body.text: Input should be a valid string; body.count: Field required"


def test_an_error_without_location_is_named_by_the_prefix_alone() -> None:
    errors = [{"loc": (), "msg": "Invalid JSON"}]
    error = InvalidParameterError.from_validation(errors, prefix=("body",))
    assert error.extensions["invalid_params"] == [{"name": "body", "reason": "Invalid JSON"}]
