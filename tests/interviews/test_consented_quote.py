"""The evidence boundary applied to a statement under its own consent (step 6's answers)."""

import pytest

from atlasplan.evidence import Attribution, Audience
from interviews import privacy
from interviews.models import ConsentScope
from stakeholders.models import Sector
from tests.stakeholders.factories import OrganisationFactory

TEXT = "Hatice Kaya: bij De Wijkwerking vonden we de tweede ambitie te vaag."


@pytest.fixture
def organisation(db):
    for n in range(3):  # a sector large enough to be named
        OrganisationFactory(name=f"Vereniging {n}", sector=Sector.CIVIL_SOCIETY)
    return OrganisationFactory(name="De Wijkwerking", sector=Sector.CIVIL_SOCIETY)


def quote(viewer, organisation, scope, withdrawn=False):
    return privacy.consented_quote(
        TEXT,
        viewer,
        organisation=organisation,
        people=["Hatice Kaya"],
        scope=scope,
        withdrawn=withdrawn,
        consent_label="bij naam",
        memo="intern",
    )


def test_consultant_reads_the_answer_in_full(consultant, organisation):
    shown = quote(consultant, organisation, ConsentScope.NOT_QUOTABLE)
    assert shown.attribution == Attribution.FULL
    assert shown.text == TEXT and shown.source_label == "De Wijkwerking"
    assert shown.consent_label == "bij naam"


def test_the_atlas_team_and_the_pdf_see_a_named_answer_by_name(atlas_member, organisation):
    for viewer in (atlas_member, Audience.OUTSIDE):
        shown = quote(viewer, organisation, ConsentScope.NAMED)
        assert shown.attribution == Attribution.NAMED
        assert shown.source_label == "De Wijkwerking"
        assert shown.consent_label == "" and shown.memo == ""  # research space only


def test_readers_see_even_a_named_answer_anonymised(reader, organisation):
    shown = quote(reader, organisation, ConsentScope.NAMED)
    assert shown.attribution == Attribution.ANONYMOUS
    assert "Hatice" not in shown.text and "Kaya" not in shown.text
    assert "Wijkwerking" not in shown.text
    assert "middenveld" in shown.source_label


@pytest.mark.parametrize("who", ["atlas_member", "reader"])
def test_a_not_quotable_or_withdrawn_answer_is_not_shown(who, request, organisation):
    viewer = request.getfixturevalue(who)
    assert quote(viewer, organisation, ConsentScope.NOT_QUOTABLE) is None
    assert quote(viewer, organisation, ConsentScope.NAMED, withdrawn=True) is None
    assert quote(Audience.OUTSIDE, organisation, ConsentScope.ANONYMOUS, withdrawn=True) is None


def test_the_administrator_sees_no_answer(administrator, organisation):
    assert quote(administrator, organisation, ConsentScope.NAMED) is None


def test_a_small_sector_is_not_named(atlas_member, db):
    alone = OrganisationFactory(name="Enige Koepel", sector=Sector.CIVIL_SOCIETY)
    shown = quote(atlas_member, alone, ConsentScope.ANONYMOUS)
    assert shown.source_label == "een organisatie"
