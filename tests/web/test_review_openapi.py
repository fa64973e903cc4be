"""Every review action has a JSON endpoint described in /openapi.json, as scripts find them."""

from __future__ import annotations

from fastapi.routing import APIRoute

ACTIONS = {
    ("post", "/review/facts/{fact_id}/confirm"), ("post", "/review/facts/{fact_id}/correct"),
    ("post", "/review/facts/{fact_id}/reject"), ("post", "/review/facts"), ("post", "/review/entries"),
    ("post", "/review/decisions/{decision_id}/settle"), ("post", "/review/decisions/{decision_id}/withdraw"),
    ("get", "/review/queue"), ("get", "/review/conflicts"), ("get", "/review/selection"),
    ("get", "/facts/{fact_id}"), ("get", "/audit"),
}


def test_every_review_action_is_in_the_openapi_description_with_its_summary(app, client):
    described = client.get("/openapi.json").json()["paths"]
    found = {(method, path) for path, methods in described.items() for method in methods}
    assert ACTIONS - found == set()
    assert all(described[path][method].get("summary") for method, path in ACTIONS)
    # A JSON write route under /review that this list forgot would be missing from it, not from the description.
    writes = {(method.lower(), route.path) for route in app.routes if isinstance(route, APIRoute)
              and route.include_in_schema and route.path.startswith("/review") for method in route.methods
              if method == "POST"}
    assert writes <= ACTIONS


def test_the_write_actions_take_json_bodies_as_described(client):
    described = client.get("/openapi.json").json()["paths"]
    for path in ("/review/facts/{fact_id}/correct", "/review/facts", "/review/entries",
                 "/review/decisions/{decision_id}/settle"):
        body = described[path]["post"]["requestBody"]["content"]
        assert "application/json" in body, path
