"""Configuration from the environment, with safe defaults."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def _secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment, or one generated once and kept in instance/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def from_environment(instance_path: Path) -> dict:
    """Settings for the app factory; every one can be set by an environment variable."""
    instance_path = Path(instance_path)
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'portal.sqlite3'}"
    if database_url.startswith("postgres://"):
        database_url = "postgresql://" + database_url[len("postgres://"):]
    secure = os.environ.get("SECURE_COOKIES", "") in ("1", "true", "yes")  # behind HTTPS in production
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "MUNICIPALITY": os.environ.get("MUNICIPALITY", "deventer"),
        "CONTENT_DIR": os.environ.get("CONTENT_DIR", str(Path(__file__).resolve().parent.parent / "content")),
        "NATIONAL_FEED_URL": os.environ.get("NATIONAL_FEED_URL", ""),  # the national content feed (URL or file)
        "SEARCH_INDEX_DIR": os.environ.get("SEARCH_INDEX_DIR", str(instance_path / "search-index")),
        "UPLOAD_DIR": os.environ.get("UPLOAD_DIR", str(instance_path / "uploads")),  # photos of stories: stories/
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "RASA_URL": os.environ.get("RASA_URL", "http://127.0.0.1:5005"),
        "RASA_TOKEN": os.environ.get("RASA_TOKEN", ""),
        "RASA_TRACKER_DB_URL": os.environ.get("RASA_TRACKER_DB_URL", ""),  # production: purge Rasa's texts too
        "BABEL_DEFAULT_LOCALE": "nl",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Amsterdam",
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).resolve().parent.parent / "locales"),
        "LANGUAGES": ("nl", "en"),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure,
        "PREFERRED_URL_SCHEME": "https" if secure else "http",
        "SEARCH_MAX_QUERY": 200,
        "SEARCH_RATE_LIMIT": int(os.environ.get("SEARCH_RATE_LIMIT", "60")),  # per visitor per minute
        "PROXY_COUNT": int(os.environ.get("PROXY_COUNT", "0")),  # reverse proxies in front that set X-Forwarded-*
        "SEARCH_PAGE_SIZE": 10,
        "PRIVACY_RETENTION_DAYS": int(os.environ.get("PRIVACY_RETENTION_DAYS", "30")),
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", ""),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "noreply@cjg.invalid"),
    }
