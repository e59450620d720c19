from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("4 Workshop")

    def ready(self) -> None:
        from atlasplan import demo, scale, steps
        from workshops import dashboard, rules  # noqa: F401  (registers this step's rules)
        from workshops import demo as workshops_demo

        steps.register(
            steps.Step(
                number=4,
                title=_("Workshop"),
                summary=_("Toets stellingen over beeldvorming af met het communicatieteam."),
                rule="workshops.view",
                url_name="workshops:workshop_list",
                done_rule=_(
                    "een workshop gesloten is en elke stelling ervan een uitkomst heeft "
                    "(behouden, herformuleerd of geschrapt)."
                ),
                card=dashboard.card,
            )
        )
        demo.register(demo.DemoPart(order=40, name="workshops", load=workshops_demo.load))
        from workshops import scale as workshops_scale

        scale.register(
            scale.ScalePart(40, "workshops", workshops_scale.fill, workshops_scale.holds_real_data)
        )
