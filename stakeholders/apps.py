from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = _("2 Stakeholders")

    def ready(self) -> None:
        from atlasplan import demo, scale, steps
        from stakeholders import dashboard, rules  # noqa: F401  (registers this step's rules)
        from stakeholders import demo as stakeholders_demo

        steps.register(
            steps.Step(
                number=2,
                title=_("Stakeholders"),
                summary=_("Kies met het Atlas-team een zevental cruciale stakeholders."),
                rule="stakeholders.view",
                url_name="stakeholders:organisation_list",
                done_rule=_(
                    "de shortlist is goedgekeurd: het streefaantal stakeholders is "
                    "goedgekeurd en er wacht geen voorstel meer."
                ),
                card=dashboard.card,
            )
        )
        demo.register(demo.DemoPart(order=20, name="stakeholders", load=stakeholders_demo.load))
        from stakeholders import scale as stakeholders_scale

        scale.register(
            scale.ScalePart(
                20, "stakeholders", stakeholders_scale.fill, stakeholders_scale.holds_real_data
            )
        )
