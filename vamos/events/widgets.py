from typing import Any

from django import forms


class RadioSelect(forms.RadioSelect):
    """Radio buttons whose full workshops are shown but cannot be chosen. (The class keeps
    the name ``RadioSelect`` so that the shared field template renders it as radio group.)"""

    def __init__(self, *args: Any, full: set[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.full = full or set()

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.full:
            option["attrs"]["disabled"] = True
        return option
