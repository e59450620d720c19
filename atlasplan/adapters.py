from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Administrators create accounts; nobody registers themselves."""

    def is_open_for_signup(self, request) -> bool:
        return False
