from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "plan"
    verbose_name = _("5-7 Visie, aftoetsing en communicatieplan")

    def ready(self) -> None:
        from atlasplan import demo, steps
        from plan import dashboard, demo_plan, rules  # noqa: F401  (registers this step's rules)
        from plan import demo as plan_demo

        cards = {5: dashboard.card, 6: dashboard.card_validation, 7: dashboard.card_plan}
        done_rules = {
            5: _("het Atlas-team een versie van de visie heeft vastgesteld."),
            6: _("de laatste ronde gesloten is en over elk bezwaar beslist is."),
            7: _("elke regel van de koerscheck in orde is."),
        }
        for number, title, summary, rule, url_name in [
            (
                5,
                _("Visie"),
                _("Schrijf met het Atlas-team een visie met ambities."),
                "vision.view",
                "plan:vision_list",
            ),
            (
                6,
                _("Aftoetsing"),
                _("Leg de visie voor aan elke stakeholder: kan u ze onderschrijven?"),
                # The round's pages hold who answered what: staff only. Readers see the
                # endorsement figures on the vision and the round results it links, so step 6
                # stays greyed for them (a link would only lead to "Geen toegang").
                "validation.change",
                "plan:validation_list",
            ),
            (
                7,
                _("Communicatieplan"),
                _("Doelstellingen per doelgroep, stappen, termijnen en partners."),
                "plan.view",
                "plan:target_list",
            ),
        ]:
            step = steps.Step(
                number=number,
                title=title,
                summary=summary,
                rule=rule,
                url_name=url_name,
                card=cards.get(number),
                done_rule=done_rules[number],
            )
            steps.register(step)
        demo.register(demo.DemoPart(order=50, name="vision", load=plan_demo.load))
        demo.register(demo.DemoPart(order=60, name="plan", load=demo_plan.load))
