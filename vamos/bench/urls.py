"""The platform's URLs plus the floor view; ``ROOT_URLCONF`` only under ``vamos.settings.bench``,
so the floor's address does not exist anywhere else (not in production, not in tests)."""

from django.urls import path

from vamos.urls import urlpatterns as platform_urlpatterns

from .views import floor

urlpatterns = [
    path("bench/floor/", floor, name="bench-floor"),
    *platform_urlpatterns,
]
