from typing import Any

import pytest

from vamos.surveys.models import Wave
from vamos.surveys.tests.factories import needs_wave


@pytest.fixture
def wave(db: Any) -> Wave:
    """An open needs assessment round per organisation (see ``factories.needs_wave``)."""
    return needs_wave(label="2026")


@pytest.fixture
def page_one() -> dict[str, Any]:
    """Valid answers to page 1 of ``needs_wave`` by question key."""
    return {"bedarf-strategie": 4, "hat-personal": "ja", "personal-anzahl": "12"}
