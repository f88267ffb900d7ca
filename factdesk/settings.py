"""factdesk settings: one module, configured by environment variables.

Every variable read here is documented in the README. Typed readers raise
ImproperlyConfigured on a value they cannot understand, so a typo fails at start-up
instead of silently meaning something else.
"""

import datetime
import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off")
    SECRET_KEY = "django-insecure-factdesk-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "axes",
    "csp",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "factdesk.api",
    "feed",
    "articles",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # NUL bytes and deeply nested JSON answer 400 before any view (or the admin) reads them.
    "factdesk.api.hostile.HostileInputMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Signs out a session idle or old past SESSION_IDLE_MINUTES / SESSION_MAX_HOURS.
    "factdesk.api.sessions.SessionLifetimeMiddleware",
    # After sessions (a browser's key is per session), before the views: a retried POST replays its answer.
    "factdesk.api.throttling.RateLimitHeadersMiddleware",
    "factdesk.api.idempotency.IdempotencyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a sign-in refused for too many failures into the lockout page (429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factdesk.urls"
WSGI_APPLICATION = "factdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# runserver answers each request in a new thread, and a connection kept open by a thread that ends
# is never reused nor closed (measured: 82 left open on a 100-connection PostgreSQL), so there the
# default is to close it after each request; gunicorn and Celery reuse theirs for a minute.
RUNSERVER = sys.argv[1:2] == ["runserver"]

# SQLite file unless DATABASE_URL says otherwise; postgres://… uses psycopg 3.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if RUNSERVER else 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes), on the pages' sign-in and the admin's: after LOGIN_FAILURE_LIMIT
# wrong passwords for one account, or from one address, that account or address is refused for
# LOGIN_LOCKOUT_MINUTES (429) without the password being checked, so a flood of guesses costs no
# hashing. Axes' backend comes first: a locked sign-in never reaches the password hasher.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "factdesk.api.sessions.client_ip"
AXES_VERBOSE = False
# Locks are lifted with `manage.py axes_reset` (or axes_reset_username …); axes' own admin pages are left
# out: their bulk actions declare no permission, and every admin action here must (tests/test_admin_rules.py).
AXES_ENABLE_ADMIN = False
# Behind N proxies that append to X-Forwarded-For, the client is the Nth address from the right;
# 0 (no proxy) reads the connection's address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Password reset by email: off unless PASSWORD_RESET=1, which needs a mail server (EMAIL_HOST…);
# without it an administrator sets a forgotten password in the admin.
FACTDESK_PASSWORD_RESET = env_bool("PASSWORD_RESET", False)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587 if FACTDESK_PASSWORD_RESET else 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", FACTDESK_PASSWORD_RESET)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "factdesk@localhost")
if FACTDESK_PASSWORD_RESET and not env_str("EMAIL_HOST").strip():
    raise ImproperlyConfigured("PASSWORD_RESET=1 needs EMAIL_HOST (and EMAIL_HOST_USER/PASSWORD if it asks)")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security: strict by default whenever DEBUG is off (`check --deploy` stays quiet).
# SECURE_SSL_REDIRECT can be turned off where a proxy in front already redirects.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Sessions: signed out after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after
# signing in whatever the activity (the cookie itself expires then too).
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_MINUTES", 120) * 60
SESSION_COOKIE_AGE = env_int("SESSION_MAX_HOURS", 12) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy: only the app's own scripts, styles and images, no inline code, no eval
# (htmx runs with allowEval off, base.html); nothing may frame the pages. The API docs' views add
# what Swagger UI and Redoc need (factdesk/api_urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy: the desk uses none of the browser's powerful features.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    name: []
    for name in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
        "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip

# The cache holds the API's throttle counts: per process by default; a Redis URL (a database
# number of its own: clearing the cache empties it) shares them between gunicorn workers.
CACHE_URL = env_str("CACHE_URL")
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured(f"CACHE_URL must be a redis:// URL, not {CACHE_URL!r}")
# A cache that does not answer within half a second counts as down: the throttles then let requests
# through with a log line (factdesk/api/throttling.py) rather than failing them.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Celery: a real broker when CELERY_BROKER_URL is set (Redis in CI and production);
# otherwise tasks run in-process, so `make demo` needs no services.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://localhost/"
# The queue tasks go to and workers read: separate deployments sharing a Redis use different ones.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "celery")
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A message a dead worker held goes back to the queue after this many seconds; workers look
# for such messages every few seconds (kombu's default sweep is only every ~100 s).
_visibility_timeout = env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
# A pool process that grew past this many KiB is replaced after its task: memory a task leaked or a
# big article left behind is given back. 0 turns it off.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 800_000) or None
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _visibility_timeout,
    "unacked_restore_interval": min(10, max(1, _visibility_timeout // 2)),
    "unacked_restore_throttle": 1,
}

# A send to a broker that is down gives up after about this many seconds (connect timeout, few retries): the
# request or command that sent it goes on, and the sweeper below sends it again later.
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT", 3)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}

# The article lifecycle (claims.lifecycle): extraction started this many times without finishing (the worker
# was killed, ran out of memory or time) marks the article failed instead of running it again; a pending or
# running article older than FACTDESK_EXTRACTION_STUCK_MINUTES is queued again by the sweeper (`manage.py
# sweep_extraction` from cron, or Celery beat every FACTDESK_SWEEP_EVERY_MINUTES). The age must exceed the
# longest extraction task's hard time limit (31 minutes).
FACTDESK_EXTRACTION_MAX_ATTEMPTS = env_int("FACTDESK_EXTRACTION_MAX_ATTEMPTS", 3)
FACTDESK_EXTRACTION_STUCK_MINUTES = env_int("FACTDESK_EXTRACTION_STUCK_MINUTES", 35)
FACTDESK_SWEEP_EVERY_MINUTES = env_int("FACTDESK_SWEEP_EVERY_MINUTES", 10)
CELERY_BEAT_SCHEDULE = {
    "sweep-extraction": {
        "task": "claims.tasks.sweep_extraction",
        "schedule": 60.0 * FACTDESK_SWEEP_EVERY_MINUTES,
    }
}

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"},
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
    },
}

# Bounds on what one article may cost. The body cap holds for every entry point (API, admin, `ingest`):
# a 905 KB article once made 13,096 claims. The claims cap stops an article that is a table of figures
# rather than copy: it is marked failed with the count instead of flooding the queue.
FACTDESK_ARTICLE_MAX_BYTES = env_int("FACTDESK_ARTICLE_MAX_BYTES", 1_048_576)
FACTDESK_MAX_CLAIMS_PER_ARTICLE = env_int("FACTDESK_MAX_CLAIMS_PER_ARTICLE", 5000)

# REST API (/api/v1/): tokens for tools, sessions for the browser; JSON in and out, errors included.
# By default room for the largest article plus its JSON escaping and other fields.
FACTDESK_API_MAX_BODY_BYTES = env_int("FACTDESK_API_MAX_BODY_BYTES", FACTDESK_ARTICLE_MAX_BYTES + 262_144)
# Above our own limit, so the API's 413 JSON answers first instead of Django's 400 page.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2_621_440, FACTDESK_API_MAX_BODY_BYTES + 65_536)
# Idempotency-Key: how long the first answer to a POST is kept for its retries.
FACTDESK_IDEMPOTENCY_HOURS = env_int("FACTDESK_IDEMPOTENCY_HOURS", 24)
# Webhooks: seconds to wait for an endpoint's answer, and attempts before a delivery is given up.
FACTDESK_WEBHOOK_TIMEOUT = env_int("FACTDESK_WEBHOOK_TIMEOUT", 10)
FACTDESK_WEBHOOK_MAX_ATTEMPTS = env_int("FACTDESK_WEBHOOK_MAX_ATTEMPTS", 7)
FACTDESK_ORGANISATION_NAME = env_str("FACTDESK_ORGANISATION_NAME", "factdesk")
FACTDESK_ORGANISATION_URL = env_str("FACTDESK_ORGANISATION_URL", "")


# API tokens (django-rest-knox): stored as SHA-512 digests, shown once when made. API_TOKEN_TTL_DAYS
# gives new tokens an expiry (0: none, the default, for tools that run unattended).
_token_ttl_days = env_int("API_TOKEN_TTL_DAYS", 0)
REST_KNOX = {
    "TOKEN_TTL": datetime.timedelta(days=_token_ttl_days) if _token_ttl_days > 0 else None,
    "AUTH_HEADER_PREFIX": "Token",
}
# JSON nested deeper than this (in an API body, a form field or a file to ingest) is refused with 400.
FACTDESK_MAX_JSON_DEPTH = env_int("FACTDESK_MAX_JSON_DEPTH", 32)


def env_rate(name: str, default: str) -> str:
    """A DRF throttle rate such as `2000/hour`; checked here so a typo stops start-up."""
    raw = env_str(name, default).strip()
    count, _, period = raw.partition("/")
    if not count.isdigit() or not period or period[0] not in "smhd":
        raise ImproperlyConfigured(f"{name} must be a rate such as 2000/hour, not {raw!r}")
    return raw


REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate header turns a missing login into 401, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "factdesk.api.tokens.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["factdesk.api.permissions.DeskPermission"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["factdesk.api.parsers.LimitedJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "factdesk.api.throttling.ReportingUserRateThrottle",
        "factdesk.api.throttling.ReportingAnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env_rate("API_THROTTLE_USER", "2000/hour"),
        "anon": env_rate("API_THROTTLE_ANON", "100/hour"),
    },
    "EXCEPTION_HANDLER": "factdesk.api.errors.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "factdesk API",
    "DESCRIPTION": (
        "Articles in, quantitative claims out, verdicts back. Authenticate with "
        "`Authorization: Token <key>` (see docs/api.md). Every error is JSON: "
        "`{code, detail, fields}`; a stale `version` answers 409 with the claim as it is now."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # A PATCH body states what it requires (a claim's `version`, a link decision's `state`) like any other.
    "COMPONENT_SPLIT_PATCH": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "factdesk.api.schema.postprocess",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    # Served from drf-spectacular-sidecar's static files: the docs work offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.Status",
        "QualifierEnum": "claims.models.Qualifier",
        "ClaimKindEnum": "claims.models.Kind",
        "ExtractionStatusEnum": "articles.models.Article.ExtractionStatus",
        "LinkRelationEnum": "claims.models.ClaimLink.Relation",
        "LinkStateEnum": "claims.models.ClaimLink.State",
        "EventKindEnum": "claims.models.ClaimEvent.Kind",
        "DismissReasonEnum": "claims.models.DismissReason",
    },
}
