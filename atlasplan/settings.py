"""Settings for AtlasPlan.

Every deployment value comes from the environment (django-environ), with safe defaults for
a laptop: SQLite in the project folder, DEBUG off unless asked for. See README.md for the
variables a production deployment sets.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(or DEBUG=true for local development only)."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # Dutch full-text search on PostgreSQL (harmless on SQLite)
    "allauth",
    "allauth.account",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    "import_export",
    "rules",
    "django_tasks_db",
    # The shared core, then the method's steps in their order.
    "atlasplan",
    "policies",
    "stakeholders",
    "interviews",
    "workshops",
    "plan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "atlasplan.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "atlasplan.sessions.SessionLifetimeMiddleware",  # after messages: it says why
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "atlasplan.urls"
WSGI_APPLICATION = "atlasplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "atlasplan.context_processors.shell",
            ],
        },
    },
]

# Database: an SQLite file on a laptop, PostgreSQL in production and in CI.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must survive a room of phones voting at once: a write-ahead log
    # (readers never wait for a writer), a busy timeout (a writer waits its turn instead of
    # answering "database is locked") and transactions that take the write lock when they
    # start (a read lock upgraded mid-transaction cannot wait, it fails at once).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env.int("SQLITE_TIMEOUT", default=60),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (CACHE_URL, e.g. redis://...) is needed once there is more than one
# app server: login rate limits are counted in it.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

# Accounts (django-allauth): log in by user name, no self-registration.
ACCOUNT_ADAPTER = "atlasplan.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_SESSION_REMEMBER = None

# Sessions (atlasplan/sessions.py): in the database by default; with several app servers
# SESSION_ENGINE may be django.contrib.sessions.backends.cache (or cached_db) on CACHE_URL.
# A session ends after SESSION_IDLE_SECONDS without a request (each request moves the end
# on) and SESSION_ABSOLUTE_SECONDS after its login, however busy (OWASP ASVS V3.3).
SESSION_ENGINE = env.str("SESSION_ENGINE", default="django.contrib.sessions.backends.db")
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_SECONDS = env.int("SESSION_ABSOLUTE_SECONDS", default=12 * 60 * 60)

# Internationalisation: Dutch first, English available.
LANGUAGE_CODE = "nl"
# Each language is named in itself in the switch, as users look for their own language.
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "atlasplan" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# Static files are vendored (no CDN) and served by whitenoise.
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Media files are never served publicly: views hand them out after an access check.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# With S3_BUCKET set, uploads go to S3-compatible storage (django-storages, the "s3" extra),
# shared by every app server; files stay private and views hand them out after a check.
_MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if env.str("S3_BUCKET", default=""):
    _MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default=None),
            "region_name": env.str("S3_REGION", default=None),
            "access_key": env.str("S3_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,  # a new upload never replaces another file of that name
        },
    }
STORAGES = {
    "default": _MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# E-mail (password reset): EMAIL_URL such as smtp+tls://user:password@mail.example.org:587;
# the console by default, so a laptop prints the mails it would send.
_email = env.email_url("EMAIL_URL", default="consolemail://")
_email_options = {
    "host": _email.get("EMAIL_HOST"),
    "port": _email.get("EMAIL_PORT"),
    "username": _email.get("EMAIL_HOST_USER"),
    "password": _email.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _email.get("EMAIL_USE_TLS"),
    "use_ssl": _email.get("EMAIL_USE_SSL"),
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {
            key: value
            for key, value in _email_options.items()
            if value and "smtp" in _email["EMAIL_BACKEND"]
        },
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="AtlasPlan <atlasplan@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Exports (django-import-export): a control character pasted into a text (a form feed from a
# PDF) makes openpyxl refuse the whole XLSX; replace it instead.
IMPORT_EXPORT_ESCAPE_ILLEGAL_CHARS_ON_EXPORT = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security. HTTPS=true in production turns on secure cookies, HSTS and the redirect.
HTTPS = env.bool("HTTPS", default=False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_FAILURE_VIEW = "atlasplan.views.csrf_failure"
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=HTTPS)
# Behind a TLS proxy, the proxy's X-Forwarded-Proto says https, and the last address it adds
# to X-Forwarded-For is the client's (the rate limits of the voting pages count per client).
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Upload limit in bytes (forms check it; Django does not cap a file's size itself).
MAX_UPLOAD_SIZE = env.int("MAX_UPLOAD_SIZE", default=25 * 1024 * 1024)

# What reading an upload's text may cost (atlasplan/uploads.py); beyond any of these the file
# is refused with a message, before or while it is read. A DOCX or ODT is checked on its zip
# directory before anything is unpacked: all members together, and the one XML part that
# holds the text. A 300-page policy document stays well within every limit.
EXTRACTION_MAX_UNPACKED_BYTES = env.int("EXTRACTION_MAX_UNPACKED_BYTES", default=60 * 1024 * 1024)
EXTRACTION_MAX_XML_BYTES = env.int("EXTRACTION_MAX_XML_BYTES", default=20 * 1024 * 1024)
EXTRACTION_MAX_CHARS = env.int("EXTRACTION_MAX_CHARS", default=2_000_000)
EXTRACTION_MAX_PARAGRAPHS = env.int("EXTRACTION_MAX_PARAGRAPHS", default=50_000)
EXTRACTION_MAX_PAGES = env.int("EXTRACTION_MAX_PAGES", default=2_000)
EXTRACTION_MAX_SECONDS = env.float("EXTRACTION_MAX_SECONDS", default=30.0)

# Anonymity thresholds of the evidence boundary (interviews/privacy.py and every breakdown):
# an anonymised quote names its sector only when the sector holds at least this many
# organisations (otherwise "een organisatie"), and no figure is shown for a group (a role,
# a sector, a kind of stakeholder) with fewer members than the group threshold.
EVIDENCE_MIN_SECTOR_SIZE = env.int("EVIDENCE_MIN_SECTOR_SIZE", default=3)
EVIDENCE_MIN_GROUP_SIZE = env.int("EVIDENCE_MIN_GROUP_SIZE", default=5)

# Retention (manage.py apply_retention): raw transcripts and interview notes are removed this
# many days after the interview was held (the coded excerpts stay, anonymised); 0 keeps them.
RAW_TEXT_RETENTION_DAYS = env.int("RAW_TEXT_RETENTION_DAYS", default=0)
# Spreadsheet imports previewed but never confirmed or cancelled are deleted after this.
IMPORT_FILE_RETENTION_HOURS = env.int("IMPORT_FILE_RETENTION_HOURS", default=24)

# The most ballots a workshop accepts when no expected group size is given (with one, twice
# that size, and at least ten more): a workshop counts 8 to 25 people.
WORKSHOP_DEFAULT_BALLOT_LIMIT = env.int("WORKSHOP_DEFAULT_BALLOT_LIMIT", default=50)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# The plan as a PDF for the city (issue 12): the name and logo on its cover and in its
# metadata. PLAN_LOGO is a path among the static files.
PLAN_ORGANISATION_NAME = env.str(
    "PLAN_ORGANISATION_NAME", default="Atlas, integratie & inburgering Antwerpen"
)
PLAN_LOGO = env.str("PLAN_LOGO", default="img/plan-logo.svg")

# Large plans are rendered in the background (django.tasks, stored in the database by
# django-tasks-db; `manage.py db_worker` runs them, `make run` starts it). A plan with at
# least this many steps, or this many objectives, goes to the worker; smaller ones are
# rendered while the reader waits (the demo plan is far below both).
PLAN_PDF_BACKGROUND_STEPS = env.int("PLAN_PDF_BACKGROUND_STEPS", default=150)
PLAN_PDF_BACKGROUND_OBJECTIVES = env.int("PLAN_PDF_BACKGROUND_OBJECTIVES", default=100)
# A background-rendered PDF is kept this many days; `manage.py clear_plan_exports` (daily,
# e.g. from cron) removes older ones with their files, and those that failed or were lost.
PLAN_EXPORT_RETENTION_DAYS = env.int("PLAN_EXPORT_RETENTION_DAYS", default=7)
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
