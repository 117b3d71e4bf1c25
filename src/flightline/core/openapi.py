"""OpenAPI details FastAPI cannot infer: error envelopes per status with their
codes, the two API-key schemes, and the headers every response carries."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from flightline.core.envelope import ErrorEnvelope

_STATUS_CODES: dict[int, tuple[str, ...]] = {
    400: ("invalid_request",),
    401: ("missing_api_key", "invalid_api_key"),
    403: ("org_unbound",),
    422: ("invalid_request",),
    503: ("auth_unavailable",),
}
AUTH_ERRORS = (401, 403, 503)


def error_responses(*extra: tuple[int, str]) -> dict[int | str, dict[str, Any]]:
    """`responses=` for an authenticated route: the auth errors plus the route's own."""
    codes: dict[int, list[str]] = {s: list(_STATUS_CODES[s]) for s in AUTH_ERRORS}
    for status, code in extra:
        codes.setdefault(status, [])
        if code not in codes[status]:
            codes[status].append(code)
    return {
        status: {
            "model": ErrorEnvelope,
            "description": "Error envelope; `error.code` is one of: "
            + ", ".join(f"`{c}`" for c in sorted(set(names))),
        }
        for status, names in sorted(codes.items())
    }


_COMMON_HEADERS = {
    "X-Request-Id": {
        "description": "Identifies the request; quote it to support.",
        "schema": {"type": "string"},
    },
}


def install_openapi(app: FastAPI, extra_models: tuple[type[BaseModel], ...] = ()) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title="Flightline API",
            version=app.version,
            description=(
                "Reviews mortgage loan files and returns a QC report whose every finding "
                "cites the guideline and the page that proves it."
            ),
            routes=app.routes,
        )
        components = schema.setdefault("components", {})
        schemas = components.setdefault("schemas", {})
        for model in extra_models:
            # Bodies parsed by hand (streamed uploads) still get their schemas.
            body = model.model_json_schema(ref_template="#/components/schemas/{model}")
            schemas.update(body.pop("$defs", {}))
            schemas[model.__name__] = body
        components.setdefault("securitySchemes", {}).update(
            {
                "BearerKey": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "fl_live_… or fl_test_…",
                },
                "ApiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
            }
        )
        for path, item in schema.get("paths", {}).items():
            for method, op in item.items():
                if not isinstance(op, dict):
                    continue
                if path.startswith("/v1/") and path != "/v1/openapi.json":
                    op["security"] = [{"BearerKey": []}, {"ApiKeyHeader": []}]
                for response in op.get("responses", {}).values():
                    response.setdefault("headers", {}).update(_COMMON_HEADERS)
                # FastAPI adds its own 422 shape; ours is the envelope.
                if "422" in op.get("responses", {}):
                    op["responses"]["422"]["content"] = {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/ErrorEnvelope"}
                        }
                    }
                    op["responses"]["422"]["description"] = (
                        "Error envelope; `error.code` is `invalid_request`, with `param`."
                    )
                _ = method
        for name in ("HTTPValidationError", "ValidationError"):
            components.get("schemas", {}).pop(name, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
