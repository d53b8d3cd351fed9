from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from vamos.core.services import email_queue_rendered


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by an organisation application or an invitation, never freely."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        language = getattr(request.user, "language", None) or translation.get_language()
        with translation.override(language):
            return reverse("dashboard:index")

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Render allauth's message in the recipient's language and send it in the background."""
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language() or "de"
        ctx = {"email": email, "current_site": None, **context}
        request = getattr(self, "request", None)
        if request is not None:
            from django.contrib.sites.shortcuts import get_current_site

            ctx.setdefault("request", request)
            ctx["current_site"] = get_current_site(request)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, ctx)
            text = message.body
            html = ""
            if isinstance(message, EmailMultiAlternatives):
                html = next(
                    (str(body) for body, mime in message.alternatives if mime == "text/html"), ""
                )
            if not html:
                html = render_to_string(
                    "core/email/plain_wrapper.html", {"subject": message.subject, "text": text}
                )
        email_queue_rendered(
            to=email,
            subject=message.subject,
            body_text=text,
            body_html=html,
            language=language,
            recipient=user if getattr(user, "pk", None) else None,
        )
