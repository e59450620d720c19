from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("1 Deskresearch: beleidskaders")

    def ready(self) -> None:
        from atlasplan import demo, scale, steps
        from policies import dashboard, rules, signals  # noqa: F401  (rules and signals register)
        from policies import demo as policies_demo

        steps.register(
            steps.Step(
                number=1,
                title=_("Deskresearch"),
                summary=_("Breng de beleidskaders van Atlas, de stad en haar partners in kaart."),
                rule="policies.view",
                url_name="policies:document_list",
                done_rule=_("elk beleidsdocument gelezen is en de bibliotheek kernpassages bevat."),
                card=dashboard.card,
            )
        )
        demo.register(demo.DemoPart(order=10, name="policies", load=policies_demo.load))
        from policies import scale as policies_scale

        scale.register(
            scale.ScalePart(10, "policies", policies_scale.fill, policies_scale.holds_real_data)
        )
