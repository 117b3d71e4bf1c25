"""The one error envelope: {"error": {"code", "message", "request_id", "param"?}}."""

from __future__ import annotations

import json

from pydantic import BaseModel, Field
from starlette.responses import Response


class ErrorBody(BaseModel):
    code: str = Field(description="Stable, machine-readable error code.")
    message: str = Field(description="Human-readable explanation; never borrower data.")
    request_id: str = Field(description="The X-Request-Id of the request, for support.")
    param: str | None = Field(
        default=None, description="The offending field, for validation errors."
    )


class ErrorEnvelope(BaseModel):
    error: ErrorBody


def error_body(code: str, message: str, request_id: str, param: str | None = None) -> bytes:
    error: dict[str, str] = {"code": code, "message": message, "request_id": request_id}
    if param is not None:
        error["param"] = param
    return json.dumps({"error": error}, separators=(",", ":")).encode()


def error_response(
    status: int,
    code: str,
    message: str,
    request_id: str,
    param: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return Response(
        error_body(code, message, request_id, param),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )
