"""Helpers shared by the security tests."""

from typing import Any


def close_response(response: Any) -> None:
    """Close a response as a server would (file responses hold files open), without letting
    ``request_finished`` close the test's own database connection in the middle of its
    transaction (PostgreSQL; SQLite's in-memory database ignores it) – as the test client
    does for the responses it closes itself."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
