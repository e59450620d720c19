"""People as the people using the app know them: by their full name."""

from django.contrib.auth.models import AbstractBaseUser


def person_name(user: AbstractBaseUser | None) -> str:
    """The user's full name; the user name only for an account that has no name at all.

    Every page, picker and export shows people through this (templates: ``{{ user|person }}``),
    so interviewers, facilitators, who decided and who changed what read the same everywhere.
    """
    if user is None:
        return ""
    full = user.get_full_name().strip() if hasattr(user, "get_full_name") else ""
    return full or user.get_username()
