from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = _("3 Interviews")

    def ready(self) -> None:
        from atlasplan import demo, evidence, scale, steps
        from interviews import dashboard, privacy, rules, signals  # noqa: F401  (rules and signals register)
        from interviews import demo as interviews_demo
        from interviews import erasure as interviews_erasure
        from interviews.models import Excerpt
        from stakeholders import erasure

        erasure.register(interviews_erasure.PART)

        evidence.register_related(Excerpt, privacy.history_values)

        steps.register(
            steps.Step(
                number=3,
                title=_("Interviews"),
                summary=_("Neem diepte-interviews af en breng standpunten en posities in kaart."),
                rule="interviews.view_results",
                url_name="interviews:interview_list",
                done_rule=_("elk interview gecodeerd is."),
                card=dashboard.card,
            )
        )
        demo.register(demo.DemoPart(order=30, name="interviews", load=interviews_demo.load))
        from interviews import scale as interviews_scale

        scale.register(
            scale.ScalePart(
                30, "interviews", interviews_scale.fill, interviews_scale.holds_real_data
            )
        )
