"""Step 7 of the demo case: the communication plan built on the vastgestelde vision (v2).

Five target groups (two outside the own constituency), twelve objectives on knowledge,
attitude and behaviour linked to the ambitions of v2, thirty steps with partners over three
years from today, indicator measurements (most on course, one at risk), the plan's own texts,
and two broken rules of the course check. The texts live in :mod:`plan.demo_plan_data`.
Idempotent: once a target group exists, this part adds nothing.
"""

import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from atlasplan.demo import DemoContext
from plan import demo_plan_data as data
from plan.demo import _acting_as, _Evidence
from plan.models import (
    Measurement,
    Objective,
    PlanText,
    Step,
    StepPartner,
    TargetGroup,
)
from plan.models.plan import adopted_version
from stakeholders.models import Organisation


def load(context: DemoContext) -> None:
    if TargetGroup.objects.exists():
        context.report("= communication plan (target groups are already there)")
        return
    today = timezone.localdate()
    consultant = User.objects.filter(username="consultant").first()
    with _acting_as(consultant):
        groups = _target_groups()
        objectives = _objectives(groups, today)
        steps, partners = _steps(objectives, today)
        measurements = _measurements(objectives, today)
        _texts(consultant)
    context.report(
        f"+ communication plan: {len(groups)} target groups, {len(objectives)} objectives, "
        f"{steps} steps with {partners} partners, {measurements} measurements"
    )


def _day(today: datetime.date, offset: int) -> datetime.date:
    return today + datetime.timedelta(days=offset)


def _target_groups() -> dict[str, TargetGroup]:
    groups = {}
    for position, spec in enumerate(data.TARGET_GROUPS, start=1):
        groups[spec["key"]] = TargetGroup.objects.create(
            name=spec["name"],
            description=spec["description"],
            outside_constituency=spec["outside"],
            scope=spec["scope"],
            estimated_size=spec["size"],
            know=spec["know"],
            feel=spec["feel"],
            do=spec["do"],
            position=position,
        )
    return groups


def _objectives(groups: dict, today: datetime.date) -> dict[str, Objective]:
    version = adopted_version()
    ambitions = {a.title: a for a in version.ambitions.all()} if version else {}
    evidence = _Evidence()
    objectives, positions = {}, {}
    for spec in data.OBJECTIVES:
        group = groups[spec["group"]]
        positions[group.pk] = positions.get(group.pk, 0) + 1
        objective = Objective.objects.create(
            target_group=group,
            text=spec["text"],
            level=spec["level"],
            indicator=spec["indicator"],
            baseline=spec["baseline"],
            baseline_on=_day(today, -data.BASELINE_DAYS_AGO),
            target=spec["target"],
            unit=spec["unit"],
            deadline=_day(today, spec["deadline"]),
            measured_how=spec["how"],
            position=positions[group.pk],
        )
        objective.ambitions.set([ambitions[t] for t in spec["ambitions"] if t in ambitions])
        objective.excerpts.set(evidence.excerpts(spec.get("excerpts", [])))
        objective.statements.set(evidence.statements(spec.get("statements", [])))
        objective.passages.set(evidence.passages(spec.get("passages", [])))
        objectives[spec["key"]] = objective
    return objectives


def _steps(objectives: dict, today: datetime.date) -> tuple[int, int]:
    names = {name for spec in data.STEPS for name, _role in spec["partners"]}
    organisations = {o.name: o for o in Organisation.objects.filter(name__in=names)}
    partner_count = 0
    for spec in data.STEPS:
        step = Step.objects.create(
            title=spec["title"],
            description=spec["description"],
            kind=spec["kind"],
            start=_day(today, spec["start"]),
            end=_day(today, spec["end"]),
            state=spec["state"],
            progress=spec["progress"],
            channel=spec["channel"],
            budget=spec["budget"],
            owner_name=spec["owner"],
        )
        step.objectives.set([objectives[key] for key in spec["objectives"]])
        for name, role in spec["partners"]:
            if name in organisations:
                StepPartner.objects.create(step=step, organisation=organisations[name], role=role)
                partner_count += 1
    return len(data.STEPS), partner_count


def _measurements(objectives: dict, today: datetime.date) -> int:
    for key, days_ago, value, source in data.MEASUREMENTS:
        Measurement.objects.create(
            objective=objectives[key],
            measured_on=_day(today, -days_ago),
            value=value,
            source=source,
        )
    return len(data.MEASUREMENTS)


def _texts(consultant) -> None:
    for key, text in data.PLAN_TEXTS.items():
        PlanText.objects.update_or_create(
            key=key, defaults={"text": text, "updated_by": consultant}
        )
