from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "plan"
    verbose_name = _("5-7 Visie, aftoetsing en communicatieplan")

    def ready(self) -> None:
        from atlasplan import steps
        from plan import rules  # noqa: F401  (registers this step's rules)

        for number, title, summary, rule in [
            (5, _("Visie"), _("Schrijf met het Atlas-team een visie met ambities."), "vision.view"),
            (
                6,
                _("Aftoetsing"),
                _("Leg de visie voor aan elke stakeholder: kan u ze onderschrijven?"),
                "validation.view",
            ),
            (
                7,
                _("Communicatieplan"),
                _("Doelstellingen per doelgroep, stappen, termijnen en partners."),
                "plan.view",
            ),
        ]:
            steps.register(steps.Step(number=number, title=title, summary=summary, rule=rule))
