"""Steps 5 and 6 of the demo case: vision v1 with evidence-linked ambitions, a validation
round on v1 with twelve answers, and v2 that decides on every objection and is adopted.

The texts live in :mod:`plan.demo_data`; evidence is looked up there by stable keys. Dates
count back from the day the demo is loaded, after the interviews. Idempotent: once any vision
version exists, this part adds nothing (a vision the users wrote themselves is left alone).
"""

import datetime
from contextlib import contextmanager
from types import SimpleNamespace

from django.contrib.auth.models import User
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from atlasplan.demo import DemoContext
from atlasplan.models import Theme
from interviews.models import Excerpt
from plan import demo_data as data
from plan.models import (
    Ambition,
    AmbitionFeedback,
    Invitee,
    ObjectionDecision,
    ValidationResponse,
    ValidationRound,
    VisionState,
    VisionVersion,
)
from plan.services import issue_answer_link, new_version, set_state
from policies.models import Passage
from stakeholders.models import Organisation
from workshops.demo import TITLE as WORKSHOP_TITLE
from workshops.models import Statement

# Where the online answer opens (``plan:answer``, step 6), also before that page is routed.
ANSWER_PATH = "/plan/validation/answer/{token}/"
LINK_DAYS = 60
OPENED = 13  # days ago the round opened; v1 was written two days before


def load(context: DemoContext) -> None:
    if VisionVersion.objects.exists():
        context.report("= vision and validation round (a vision is already there)")
        return
    users = {
        user.username: user for user in User.objects.filter(username__in=["consultant", "atlas"])
    }
    consultant, atlas = users.get("consultant"), users.get("atlas")
    today = timezone.localdate()
    evidence = _Evidence()
    with _acting_as(consultant):
        v1, ambitions = _version_1(consultant, evidence, today)
        round_, invitees = _round(v1, consultant, today)
        objections = _responses(invitees, ambitions, consultant, today)
        v2, changed = _version_2(v1, consultant, evidence, today)
        decided = _decisions(objections, v2, changed, consultant, atlas, today)
        _adopt(v2, atlas, today)
        link_path = _answer_link(invitees, consultant, today)
    _backdate_history(v1, v2, round_, today)
    context.report(
        f"+ vision v1 ({len(ambitions)} ambitions, in aftoetsing) and v2 "
        f"({v2.ambitions.count()} ambitions, vastgesteld)"
    )
    context.report(
        f"+ {round_.title}: {len(invitees)} invitees, "
        f"{ValidationResponse.objects.filter(invitee__round=round_).count()} responses, "
        f"{decided} objections decided in v2"
    )
    if link_path:
        context.report(f"+ online answer for {data.LINK_FOR}: {link_path}")


@contextmanager
def _acting_as(user):
    """The history records ``user`` as the author of what is written inside, as the request
    of a signed-in user would (simple-history's middleware keeps that request here)."""
    context = HistoricalRecords.context
    previous = getattr(context, "request", None)
    context.request = SimpleNamespace(user=user) if user else None
    try:
        yield
    finally:
        context.request = previous


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _ago(today: datetime.date, days: int) -> datetime.date:
    return today - datetime.timedelta(days=days)


class _Evidence:
    """The demo's evidence, found by theme names, organisation names and text fragments."""

    def __init__(self) -> None:
        self.themes = {theme.name: theme for theme in Theme.objects.all()}

    def themes_for(self, names: list[str]) -> list[Theme]:
        return [self.themes[name] for name in names if name in self.themes]

    def excerpts(self, picks: list[tuple[str, str, str]]) -> list[Excerpt]:
        found = []
        for organisation, theme, fragment in picks:
            candidates = Excerpt.objects.filter(themes__name=theme, text__contains=fragment)
            excerpt = (
                candidates.filter(interview__organisation__name=organisation).order_by("pk").first()
            )
            if excerpt is not None and excerpt not in found:
                found.append(excerpt)
        return found

    def statements(self, starts: list[str]) -> list[Statement]:
        query = Q(pk__in=[])
        for start in starts:
            query |= Q(text__startswith=start)
        return list(Statement.objects.filter(query, workshop__title=WORKSHOP_TITLE))

    def passages(self, starts: list[str]) -> list[Passage]:
        query = Q(pk__in=[])
        for start in starts:
            query |= Q(quote__startswith=start)
        return list(Passage.objects.filter(query))

    def link(self, ambition: Ambition, spec: dict) -> None:
        """Add the themes and evidence that ``spec`` names to what ``ambition`` already has."""
        ambition.themes.add(*self.themes_for(spec.get("themes", [])))
        ambition.excerpts.add(*self.excerpts(spec.get("excerpts", [])))
        ambition.statements.add(*self.statements(spec.get("statements", [])))
        ambition.passages.add(*self.passages(spec.get("passages", [])))


# --- Step 5: version 1 -----------------------------------------------------------------------


def _version_1(consultant, evidence: _Evidence, today) -> tuple[VisionVersion, dict]:
    v1 = VisionVersion.objects.create(
        number=1,
        title=data.TITLE,
        introduction=data.INTRODUCTION_V1,
        body=data.BODY_V1,
        author=consultant,
    )
    ambitions = {}
    for position, spec in enumerate(data.AMBITIONS_V1, start=1):
        ambition = Ambition.objects.create(
            version=v1, position=position, title=spec["title"], text=spec["text"]
        )
        evidence.link(ambition, spec)
        ambitions[spec["key"]] = ambition
    set_state(v1, VisionState.VALIDATING, consultant)
    VisionVersion.objects.filter(pk=v1.pk).update(created_at=_at(_ago(today, OPENED + 2)))
    return v1, ambitions


# --- Step 6: the round, its invitees and answers ---------------------------------------------


def _round(v1: VisionVersion, consultant, today) -> tuple[ValidationRound, dict]:
    round_ = ValidationRound.objects.create(
        version=v1,
        title=data.ROUND_TITLE,
        opens_on=_ago(today, OPENED),
        # Still open: the Jongerenraad asked for more time and answers online with its link.
        closes_on=today + datetime.timedelta(days=7),
        created_by=consultant,
    )
    ValidationRound.objects.filter(pk=round_.pk).update(created_at=_at(_ago(today, OPENED)))
    rows = [(r["organisation"], r["way"], "answered", r.get("reminded")) for r in data.RESPONSES]
    rows += data.WITHOUT_ANSWER
    names = [row[0] for row in rows]
    organisations = {o.name: o for o in Organisation.objects.filter(name__in=names).order_by("pk")}
    invitees = {}
    for name, way, state, reminded in rows:
        organisation = organisations.get(name)
        if organisation is None:
            continue
        invitee = Invitee.objects.create(
            round=round_,
            organisation=organisation,
            way=way,
            state=state,
            invited_on=round_.opens_on,
            reminded_on=_ago(today, reminded) if reminded else None,
        )
        invitee.contacts.set(organisation.contacts.order_by("pk")[:1])
        invitees[name] = invitee
    return round_, invitees


def _responses(invitees: dict, ambitions: dict, consultant, today) -> dict:
    """Each answer with its feedback per ambition; {(organisation, ambition key): feedback}
    for the objections (deels, niet). An online answer was written by nobody signed in."""
    objections = {}
    for spec in data.RESPONSES:
        invitee = invitees.get(spec["organisation"])
        if invitee is None:
            continue
        with _acting_as(None if spec.get("online") else consultant):
            response = _response(invitee, spec, consultant, today)
            for key, ambition in ambitions.items() if spec["feedback"] is not None else ():
                position, comment = spec["feedback"].get(key, (data.E, ""))
                feedback = AmbitionFeedback.objects.create(
                    response=response, ambition=ambition, position=position, comment=comment
                )
                if feedback.is_objection:
                    objections[spec["organisation"], key] = feedback
    return objections


def _response(invitee: Invitee, spec: dict, consultant, today) -> ValidationResponse:
    answered = _ago(today, spec["answered"])
    online = spec.get("online", False)
    response = ValidationResponse.objects.create(
        invitee=invitee,
        answered_on=answered,
        respondent=invitee.contacts.first(),
        position=spec["position"],
        surprises=spec["surprises"],
        remarks=spec["remarks"],
        consent_scope=spec["consent"],
        consent_on=answered,
        withdrawn_on=today if spec.get("withdrawn") else None,
        online=online,
        submitted_at=_at(answered, 20) if online else None,
        created_by=None if online else consultant,
    )
    response.surprise_themes.set(Theme.objects.filter(name__in=spec["surprise_themes"]))
    ValidationResponse.objects.filter(pk=response.pk).update(created_at=_at(answered, 16))
    Invitee.objects.filter(pk=invitee.pk).update(answered_on=answered)
    return response


# --- Step 5 again: version 2 decides on every objection --------------------------------------


def _version_2(v1: VisionVersion, consultant, evidence: _Evidence, today):
    """v2 as a copy of v1 (ambitions keep their origin), reworded, one ambition merged into
    another and one added; {ambition key: ambition of v2}."""
    v2 = new_version(v1, consultant)
    v2.introduction, v2.body = data.INTRODUCTION_V2, data.BODY_V2
    v2.save()
    keys = {ambition.pk: spec["key"] for ambition, spec in zip(
        v1.ambitions.order_by("position"), data.AMBITIONS_V1, strict=True
    )}  # fmt: skip
    copies = {keys[copy.origin_id]: copy for copy in v2.ambitions.all()}
    for key, change in data.CHANGES_V2.items():
        ambition = copies[key]
        ambition.title = change.get("title", ambition.title)
        ambition.text = change["text"]
        ambition.save()
        evidence.link(ambition, change)
        if "merge" in change:
            _merge(copies.pop(change["merge"]), into=ambition)
    added = Ambition.objects.create(
        version=v2,
        position=len(data.AMBITIONS_V1) + 1,
        title=data.NEW_V2["title"],
        text=data.NEW_V2["text"],
    )
    evidence.link(added, data.NEW_V2)
    copies[data.NEW_V2["key"]] = added
    for position, ambition in enumerate(sorted(copies.values(), key=lambda a: a.position), 1):
        Ambition.objects.filter(pk=ambition.pk).update(position=position)
    VisionVersion.objects.filter(pk=v2.pk).update(created_at=_at(_ago(today, 3)))
    return v2, copies


def _merge(ambition: Ambition, into: Ambition) -> None:
    for name in ("themes", "excerpts", "statements", "passages"):
        getattr(into, name).add(*getattr(ambition, name).all())
    ambition.delete()


def _decisions(objections: dict, v2, changed: dict, consultant, atlas, today) -> int:
    decided = 0
    for (organisation, key), feedback in objections.items():
        outcome, cited, explanation = data.DECISIONS[organisation, key]
        decided_by = atlas if outcome == data.REJECTED else consultant
        with _acting_as(decided_by):
            decision = ObjectionDecision.objects.create(
                feedback=feedback,
                outcome=outcome,
                version=v2,
                explanation=explanation,
                decided_by=decided_by,
            )
        decision.ambitions.set([changed[name] for name in cited if name in changed])
        decided += 1
    ObjectionDecision.objects.filter(version=v2).update(decided_at=_at(_ago(today, 3), 15))
    return decided


def _adopt(v2: VisionVersion, atlas, today) -> None:
    if atlas is None:
        return
    v2.refresh_from_db()  # keep the creation date set in the database
    with _acting_as(atlas):
        set_state(v2, VisionState.ADOPTED, atlas)
    VisionVersion.objects.filter(pk=v2.pk).update(adopted_at=_at(_ago(today, 1), 11))


def _backdate_history(v1, v2, round_: ValidationRound, today) -> None:
    """The history tells the story's dates (as the rows' own dates do), not the load's."""
    written_v1, opened = _at(_ago(today, OPENED + 2)), _at(round_.opens_on)
    VisionVersion.history.filter(id=v1.pk).update(history_date=written_v1)
    VisionVersion.history.filter(id=v1.pk, state=VisionState.VALIDATING).update(history_date=opened)
    Ambition.history.filter(version_id=v1.pk).update(history_date=written_v1)
    written_v2 = _at(_ago(today, 3))
    VisionVersion.history.filter(id=v2.pk).update(history_date=written_v2)
    VisionVersion.history.filter(id=v2.pk, state=VisionState.ADOPTED).update(
        history_date=VisionVersion.objects.get(pk=v2.pk).adopted_at
    )
    Ambition.history.filter(version_id=v2.pk).update(history_date=written_v2)
    ObjectionDecision.history.filter(version_id=v2.pk).update(history_date=_at(_ago(today, 3), 15))
    ValidationRound.history.filter(id=round_.pk).update(history_date=opened)
    Invitee.history.filter(round_id=round_.pk).update(history_date=opened)
    for response in ValidationResponse.objects.filter(invitee__round=round_):
        answered = response.submitted_at or _at(response.answered_on, 16)
        ValidationResponse.history.filter(id=response.pk).update(history_date=answered)
        AmbitionFeedback.history.filter(response_id=response.pk).update(history_date=answered)


def _answer_link(invitees: dict, consultant, today) -> str:
    """A personal link for the invitee that has not answered yet; its token exists only now."""
    invitee = invitees.get(data.LINK_FOR)
    if invitee is None:
        return ""
    _link, token = issue_answer_link(
        invitee, today + datetime.timedelta(days=LINK_DAYS), consultant
    )
    try:
        return reverse("plan:answer", args=[token])
    except NoReverseMatch:
        return ANSWER_PATH.format(token=token)
