"""Personal data: each app says what it stores about a person and how to erase it.

Apps register an exporter and an eraser in their ``AppConfig.ready``. The account
services call every registered pair for "download my data" and "delete my account", so an
app that stores personal data cannot be forgotten by either.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]


@dataclass(frozen=True)
class PersonalDataSection:
    key: str
    export: Exporter
    erase: Eraser


_sections: dict[str, PersonalDataSection] = {}


def register_personal_data(key: str, *, export: Exporter, erase: Eraser) -> None:
    _sections[key] = PersonalDataSection(key=key, export=export, erase=erase)


def personal_data_sections() -> list[PersonalDataSection]:
    return list(_sections.values())


DeletionCheck = Callable[[Any], list[str]]
_deletion_checks: list[DeletionCheck] = []


def register_deletion_check(check: DeletionCheck) -> None:
    """``check(user)`` returns reasons (translated sentences) that block deleting the account."""
    if check not in _deletion_checks:
        _deletion_checks.append(check)


def deletion_blockers() -> list[DeletionCheck]:
    return list(_deletion_checks)


RetentionRule = Callable[[datetime], int]
_retention_rules: dict[str, RetentionRule] = {}


def register_retention_rule(key: str, apply: RetentionRule) -> None:
    """``apply(now)`` deletes what has been kept long enough and returns how many records it
    deleted; ``manage.py apply_retention`` runs every registered rule daily."""
    _retention_rules[key] = apply


def retention_rules() -> dict[str, RetentionRule]:
    return dict(_retention_rules)
