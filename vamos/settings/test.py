"""Settings for the test suite (pytest). SQLite unless DATABASE_URL says otherwise."""

import os

os.environ.setdefault("EMAIL_URL", "locmem://")

from .base import *

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production-" + "y" * 32
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
VAMOS_REQUIRE_STAFF_MFA = False
VAMOS_BASE_URL = "http://testserver"
MEDIA_ROOT = VAR_DIR / "test-media"
# WhiteNoise warns about a missing STATIC_ROOT; tests serve static files from the apps.
os.makedirs(STATIC_ROOT, exist_ok=True)
WAGTAILADMIN_BASE_URL = VAMOS_BASE_URL
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each test database lives in memory; the file name in DATABASE_URL is not used.
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
