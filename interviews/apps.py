from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = _("3 Interviews")

    def ready(self) -> None:
        from atlasplan import steps
        from interviews import rules  # noqa: F401  (registers this step's rules)

        steps.register(
            steps.Step(
                number=3,
                title=_("Interviews"),
                summary=_("Neem diepte-interviews af en breng standpunten en posities in kaart."),
                rule="interviews.view",
            )
        )
