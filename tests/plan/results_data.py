"""A hand-computed validation round shared by the results tests.

Nine stakeholders answer on version 1 with two ambitions: five internal (I1..I5), four
external (E1..E4). On ambition 1 every one of them answers; on ambition 2 all internal ones
and two external ones:

=========  ================  ================  ==========
ambition   internal          external          total
=========  ================  ================  ==========
1          3 / 1 / 1         3 / 1 / 0         6 / 2 / 1
2          2 / 1 / 2         1 / 0 / 1         3 / 1 / 3
overall    2 / 2 / 1         3 / 0 / 1         5 / 2 / 2
=========  ================  ================  ==========

(onderschrijft / deels / niet)
"""

import datetime

from interviews.models import ConsentScope
from plan.models import AmbitionFeedback, Endorsement, InviteeState
from stakeholders.models import Scope, Sector
from tests.factories import ThemeFactory
from tests.plan.factories import (
    AmbitionFactory,
    InviteeFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

E, P, N = Endorsement.ENDORSE, Endorsement.PARTLY, Endorsement.NOT

# name, scope, overall, ambition 1, ambition 2 (None: no answer on it)
ANSWERS = [
    ("I1", Scope.INTERNAL, E, E, E),
    ("I2", Scope.INTERNAL, E, E, E),
    ("I3", Scope.INTERNAL, P, E, N),
    ("I4", Scope.INTERNAL, P, P, N),
    ("I5", Scope.INTERNAL, N, N, P),
    ("E1", Scope.EXTERNAL, E, E, E),
    ("E2", Scope.EXTERNAL, E, E, N),
    ("E3", Scope.EXTERNAL, E, E, None),
    ("E4", Scope.EXTERNAL, N, P, None),
]


def answer(round, organisation=None, position=E, feedback=None, **fields):
    """One invitee of ``round`` with its response and its answers per ambition."""
    organisation = organisation or OrganisationFactory()
    invitee = InviteeFactory(round=round, organisation=organisation, state=InviteeState.ANSWERED)
    fields.setdefault("consent_scope", ConsentScope.ANONYMOUS)
    response = ValidationResponseFactory(invitee=invitee, position=position, **fields)
    for ambition, (value, comment) in (feedback or {}).items():
        AmbitionFeedback.objects.create(
            response=response, ambition=ambition, position=value, comment=comment
        )
    return response


def hand_computed_round():
    round = ValidationRoundFactory(title="Ronde 1")
    first = AmbitionFactory(version=round.version, position=1, title="Verschillen benoemen")
    second = AmbitionFactory(version=round.version, position=2, title="Samen beslissen")
    for name, scope, overall, one, two in ANSWERS:
        organisation = OrganisationFactory(
            name=f"Organisatie {name}", scope=scope, sector=Sector.CIVIL_SOCIETY
        )
        feedback = {first: (one, "")}
        if two is not None:
            feedback[second] = (two, "")
        answer(round, organisation, overall, feedback, surprises="")
    return round, first, second


def quoted_round():
    """A round with one answer per kind of consent, each naming its own organisation."""
    round = ValidationRoundFactory(title="Ronde citaten")
    ambition = AmbitionFactory(version=round.version, title="Verschillen benoemen")
    theme = ThemeFactory(name="Beeldvorming")
    answers = {}
    for key, scope, withdrawn in [
        ("named", ConsentScope.NAMED, None),
        ("anonymous", ConsentScope.ANONYMOUS, None),
        ("refused", ConsentScope.NOT_QUOTABLE, None),
        ("withdrawn", ConsentScope.ANONYMOUS, datetime.date.today()),
    ]:
        organisation = OrganisationFactory(name=f"Vereniging {key.capitalize()}")
        contact = ContactFactory(organisation=organisation, name=f"Ann {key.capitalize()}s")
        response = answer(
            round,
            organisation,
            P,
            {ambition: (N, f"Bezwaar {key}: Ann {key.capitalize()}s van {organisation.name}")},
            consent_scope=scope,
            withdrawn_on=withdrawn,
            respondent=contact,
            surprises=f"Verrassing {key} bij {organisation.name}",
            remarks=f"Opmerking {key} van {organisation.name}",
        )
        if key != "anonymous":
            response.surprise_themes.add(theme)
        answers[key] = response
    return {"round": round, "ambition": ambition, "theme": theme, **answers}
