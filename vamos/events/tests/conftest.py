from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """Service messages are asserted in English (the msgids); pages keep their own language."""
    with translation.override("en"):
        yield
