"""Settings shared by every environment. Values that differ come from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str, mailers_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAMOS_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me-" + "x" * 32)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Public address of the site, used for links in emails sent from background tasks.
VAMOS_BASE_URL = env_str("VAMOS_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Our apps first so that their templates override third-party ones.
    "vamos.core",
    "vamos.accounts",
    "vamos.organisations",
    "vamos.learning",
    "vamos.journeys",
    "vamos.events",
    "vamos.community",
    "vamos.surveys",
    "vamos.reports",
    "vamos.website",
    "vamos.dashboard",
    "vamos.demo",
    # Programme-scale data (seed_scale) and the benchmark's floor view and query counter.
    "vamos.bench",
    # Wagtail: pages, media and the team's back office.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts and MFA.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Background tasks (Wagtail's own tasks use the django_tasks backport).
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "vamos.core.middleware.DatabaseUnavailableMiddleware",
    "vamos.core.middleware.DataVersionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "vamos.core.middleware.BackOfficeCSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "vamos.accounts.middleware.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "vamos.urls"
WSGI_APPLICATION = "vamos.wsgi.application"
ASGI_APPLICATION = "vamos.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "vamos" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vamos.core.context_processors.platform",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    }
]

# --- Database -----------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'vamos.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's full-text fields there (system check E005).
    INSTALLED_APPS.append("django.contrib.postgres")
    # A database that is down must not hold requests: give up connecting after a few seconds
    # (the visitor gets the "back in a moment" page, docs/operations.md).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 3)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "vamos",
        }
    }
else:
    # Each web process keeps its own; Django's default of 300 entries would be filled by a few
    # dozen signed-in people (roles, memberships, their learning), so allow more.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "vamos",
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 3000)},
        }
    }
# Sessions: in the database; with Redis in the shared cache as well (read from Redis, kept in
# the database), so any web node continues any session. "cache" keeps them in Redis only.
SESSION_STORE = env_str("SESSION_STORE", "cached_db" if REDIS_URL else "db")
SESSION_ENGINE = {
    "db": "django.contrib.sessions.backends.db",
    "cached_db": "django.contrib.sessions.backends.cached_db",
    "cache": "django.contrib.sessions.backends.cache",
}[SESSION_STORE]

# --- Accounts -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard:index"
LOGOUT_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "vamos.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[VAMOs] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_FORMS = {"login": "vamos.accounts.forms.LoginForm"}
# allauth's defaults, stated here so that they are visible and tested.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_email": "1/m/user",
    "manage_email": "10/m/user",
    "change_password": "5/m/user",
    "signup": "20/m/ip",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "VAMOs"
# Staff (team admins, coaches, editors) must set up a second factor when this is on.
VAMOS_REQUIRE_STAFF_MFA = env_bool("VAMOS_REQUIRE_STAFF_MFA", False)
# Version of the privacy notice people consent to; bump it when the notice changes.
VAMOS_PRIVACY_NOTICE_VERSION = env_str("VAMOS_PRIVACY_NOTICE_VERSION", "2026-01")
# Retention (manage.py apply_retention, daily): accounts never activated are deleted after
# this many days; answers to event registration questions this many days after the event.
VAMOS_RETENTION_UNACTIVATED_ACCOUNT_DAYS = env_int("VAMOS_RETENTION_UNACTIVATED_ACCOUNT_DAYS", 30)
VAMOS_RETENTION_REGISTRATION_ANSWERS_DAYS = env_int("VAMOS_RETENTION_REGISTRATION_ANSWERS_DAYS", 90)
# Organisation invitations expire after this many days.
VAMOS_INVITATION_DAYS = 14
# Largest video file (MB) editors may upload to the learning area.
VAMOS_LEARNING_VIDEO_MAX_MB = env_int("VAMOS_LEARNING_VIDEO_MAX_MB", 500)
# Survey results never show a group smaller than this (k-anonymity); values below 5 count as 5.
VAMOS_SURVEY_MIN_GROUP_SIZE = env_int("VAMOS_SURVEY_MIN_GROUP_SIZE", 5)
# Reminders go out this many days before a survey round closes (send_survey_reminders).
VAMOS_SURVEY_REMINDER_DAYS = env_int("VAMOS_SURVEY_REMINDER_DAYS", 7)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- Internationalisation -----------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "vamos" / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "vamos_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "vamos" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
AWS_STORAGE_BUCKET_NAME = env_str("S3_BUCKET")
if AWS_STORAGE_BUCKET_NAME:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Email --------------------------------------------------------------------------------
MAILERS = mailers_config(env_str("EMAIL_URL", "console://"), BASE_DIR)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "VAMOs <noreply@vamos.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where contact-form messages and team notifications go.
VAMOS_TEAM_EMAIL = env_str("VAMOS_TEAM_EMAIL", "team@vamos.test")
# A failed email is retried this many times (with growing pauses) before it is marked failed.
VAMOS_EMAIL_MAX_ATTEMPTS = env_int("VAMOS_EMAIL_MAX_ATTEMPTS", 5)
# A job "running" longer than this lost its worker and is queued again (requeue_stale_jobs).
VAMOS_TASK_STALE_MINUTES = env_int("VAMOS_TASK_STALE_MINUTES", 30)

# --- Background tasks ---------------------------------------------------------------------
# "database" (django_tasks_db; worker: manage.py db_worker) or "redis" (RQ through
# django-tasks-rq; worker: manage.py rqworker default --with-scheduler). See docs/deployment.md.
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
if TASKS_BACKEND == "redis":
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "vamos.core.task_backends.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": env_str("TASKS_REDIS_URL", REDIS_URL), "DEFAULT_TIMEOUT": 600}}
    # The worker runs jobs through django-tasks-rq's job class (it calls the task, not the job).
    RQ = {"JOB_CLASS": "django_tasks_rq.backend.Job"}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "VAMOs"
WAGTAILADMIN_BASE_URL = VAMOS_BASE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party requests: no Gravatar avatars in the back office.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_USAGE_COUNT_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}
TAGGIT_CASE_INSENSITIVE = True

# --- Security -----------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "media-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "frame-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

# Public forms submitted faster than this (seconds after the page was shown) count as spam.
VAMOS_FORM_MIN_SECONDS = env_int("VAMOS_FORM_MIN_SECONDS", 3)
# Largest file (MB) people may attach to a best practice in the peer exchange.
VAMOS_COMMUNITY_MAX_UPLOAD_MB = env_int("VAMOS_COMMUNITY_MAX_UPLOAD_MB", 10)
