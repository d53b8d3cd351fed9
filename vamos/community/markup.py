"""Light formatting for texts people write on the platform, rendered to sanitised HTML.

People type plain text: an empty line starts a new paragraph, lines starting with "-" form
a list, lines starting with "1." a numbered list, ``**words**`` are bold, and web addresses
become links. Everything typed is escaped first; the generated HTML then passes ``nh3`` with
a short allow-list, so nothing a person writes is ever executed.
"""

import re

import nh3
from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe

_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_BOLD = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
_ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "a"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}


def _inline(text: str) -> str:
    html = urlize(text.strip(), nofollow=True, autoescape=True)
    return _BOLD.sub(r"<strong>\1</strong>", html)


def _block(lines: list[str]) -> str:
    if all(_BULLET.match(line) for line in lines):
        items = "".join(f"<li>{_inline(_BULLET.match(line).group(1))}</li>" for line in lines)  # type: ignore[union-attr]
        return f"<ul>{items}</ul>"
    if all(_NUMBER.match(line) for line in lines):
        items = "".join(f"<li>{_inline(_NUMBER.match(line).group(1))}</li>" for line in lines)  # type: ignore[union-attr]
        return f"<ol>{items}</ol>"
    return "<p>" + "<br>".join(_inline(line) for line in lines) + "</p>"


def render(text: str) -> SafeString:
    """``text`` as sanitised HTML (paragraphs, lists, bold, links)."""
    blocks = [
        [line for line in block.splitlines() if line.strip()]
        for block in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip())
    ]
    html = "".join(_block(lines) for lines in blocks if lines)
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
    )
    return mark_safe(cleaned)  # noqa: S308 – escaped above and sanitised by nh3
