from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("1 Deskresearch: beleidskaders")

    def ready(self) -> None:
        from atlasplan import steps
        from policies import rules  # noqa: F401  (registers this step's rules)

        steps.register(
            steps.Step(
                number=1,
                title=_("Deskresearch"),
                summary=_("Breng de beleidskaders van Atlas, de stad en haar partners in kaart."),
                rule="policies.view",
            )
        )
