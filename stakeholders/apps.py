from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = _("2 Stakeholders")

    def ready(self) -> None:
        from atlasplan import steps
        from stakeholders import rules  # noqa: F401  (registers this step's rules)

        steps.register(
            steps.Step(
                number=2,
                title=_("Stakeholders"),
                summary=_("Kies met het Atlas-team een zevental cruciale stakeholders."),
                rule="stakeholders.view",
            )
        )
