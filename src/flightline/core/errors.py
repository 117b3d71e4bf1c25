"""Domain errors carry their own code and HTTP status; `app.py` maps them once
to the error envelope."""

from __future__ import annotations


class FlightlineError(Exception):
    code: str = "internal_error"
    status: int = 500
    message: str = "Something went wrong on our side."

    def __init__(
        self,
        message: str | None = None,
        *,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message or self.message)
        self.message = message or self.message
        self.param = param
        self.headers = headers or {}


def _error(code: str, status: int, message: str) -> type[FlightlineError]:
    return type(
        "".join(part.title() for part in code.split("_")) + "Error",
        (FlightlineError,),
        {"code": code, "status": status, "message": message},
    )


MissingApiKey = _error(
    "missing_api_key", 401, "No API key was sent. Use Authorization: Bearer <key>."
)
InvalidApiKey = _error("invalid_api_key", 401, "The API key is not valid.")
OrgUnbound = _error("org_unbound", 403, "The organization of this API key is not active.")
AuthUnavailable = _error("auth_unavailable", 503, "Authentication is unavailable; retry shortly.")
ReviewNotFound = _error("review_not_found", 404, "No review with that id.")
ReportNotReady = _error("report_not_ready", 404, "The review has not finished yet.")
ReviewFailed = _error("review_failed", 422, "The review failed; there will be no report.")
InvalidRequest = _error("invalid_request", 422, "The request is not valid.")
MalformedRequest = _error("invalid_request", 400, "The request could not be parsed.")
UnsupportedMediaType = _error(
    "unsupported_media_type", 415, "That Content-Type is not supported here."
)
ServiceUnavailable = _error(
    "service_unavailable", 503, "The service is unavailable; retry shortly."
)

# Every code the API can answer, for the OpenAPI document.
ERROR_CODES: tuple[str, ...] = (
    "missing_api_key",
    "invalid_api_key",
    "org_unbound",
    "auth_unavailable",
    "review_not_found",
    "report_not_ready",
    "review_failed",
    "document_required",
    "document_unsupported",
    "document_too_large",
    "too_many_documents",
    "documents_too_large",
    "duplicate_reference_id",
    "all_documents_duplicate",
    "idempotency_key_reused",
    "idempotency_key_in_use",
    "invalid_request",
    "unsupported_media_type",
    "https_required",
    "rate_limited",
    "webhook_endpoint_not_found",
    "not_found",
    "method_not_allowed",
    "service_unavailable",
    "internal_error",
)


class AdminError(Exception):
    """An admin command cannot be carried out; the message is for the operator."""


def api_error(
    code: str,
    status: int,
    message: str,
    *,
    param: str | None = None,
    headers: dict[str, str] | None = None,
) -> FlightlineError:
    """An error whose code is decided at run time (package rules, limits)."""
    error = FlightlineError(message, param=param, headers=headers)
    error.code = code
    error.status = status
    return error


DuplicateReferenceId = _error(
    "duplicate_reference_id", 409, "A review with that reference_id already exists."
)
IdempotencyKeyReused = _error(
    "idempotency_key_reused", 422, "This Idempotency-Key was used with a different request."
)
IdempotencyKeyInUse = _error(
    "idempotency_key_in_use", 409, "A request with this Idempotency-Key is still in progress."
)
DocumentRequired = _error("document_required", 400, "At least one document is required.")
