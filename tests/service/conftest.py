"""Fixtures for the service tests: a fresh app on a temporary database file, clients, keys, agents."""

from __future__ import annotations

import pytest
from svc_helpers import csrf_from, make_app


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def store(app):
    return app.extensions["smishcheck_store"]


@pytest.fixture
def api_key(store):
    return store.create_api_key("test-bot")


@pytest.fixture
def auth(api_key):
    return {"Authorization": f"Bearer {api_key}"}


@pytest.fixture
def agent_client(client, store):
    """A client signed in as a freshly created agent."""
    password = store.create_agent("agent1")
    token = csrf_from(client.get("/callcenter/login").text)
    response = client.post(
        "/callcenter/login", data={"csrf_token": token, "name": "agent1", "password": password}
    )
    assert response.status_code == 302
    return client
