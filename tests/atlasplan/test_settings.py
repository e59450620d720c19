"""Deployment settings come from the environment and refuse unsafe combinations."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_development_starts_without_secret_key_when_debug_is_on():
    result = run_manage("check", DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_check_deploy_is_clean_with_the_documented_production_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="atlasplan.example.org",
        HTTPS="true",
        DATABASE_URL="postgres://atlasplan@db.example.org:5432/atlasplan",
        EMAIL_URL="smtp+tls://atlasplan:secret@mail.example.org:587",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_media_goes_to_s3_compatible_storage_when_a_bucket_is_set():
    shell = (
        'from django.core.files.storage import storages; s = storages["default"]; '
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.file_overwrite, s.default_acl)"
    )
    result = run_manage(
        "shell", "-v0", "-c", shell,
        DEBUG="true", S3_BUCKET="atlasplan-media", S3_ENDPOINT_URL="https://s3.example.org",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last == "S3Storage atlasplan-media https://s3.example.org False private"
