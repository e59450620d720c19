from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError

from atlasplan import audit


class AccountAdapter(DefaultAccountAdapter):
    """Administrators create accounts; nobody registers themselves. A login refused by
    allauth's limit on failed attempts is written to the audit log as a lockout."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def pre_authenticate(self, request, **credentials) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                attempted = credentials.get("username") or credentials.get("email") or ""
                audit.record(audit.Kind.LOCKOUT, request, username=str(attempted))
            raise
