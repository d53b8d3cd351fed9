"""Headers for files people uploaded, whichever view serves them."""

from django.http import HttpResponseBase

# No scripts, styles, plugins or frames, and an opaque origin of its own (sandbox): an
# uploaded file opened in the browser can neither run nor reach the signed-in session.
USER_FILE_CSP = "default-src 'none'; sandbox"


def protect_user_file[Response: HttpResponseBase](response: Response) -> Response:
    """Serve an uploaded file only as the type we detected (nosniff), under ``USER_FILE_CSP``;
    Django's CSP middleware keeps a policy a view has set."""
    response["Content-Security-Policy"] = USER_FILE_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response
