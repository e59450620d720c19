"""Comparing two vision versions: word-level differences, pairing, rationale, rights."""

import datetime
import re

import pytest
from django.utils.html import escape

from interviews.models import ConsentScope
from plan import services
from plan.compare import Change, compare, word_diff
from plan.models import DecisionOutcome, Endorsement, ObjectionDecision, VisionState
from tests.conftest import client_for
from tests.helpers import assert_same_count
from tests.plan.factories import (
    AmbitionFactory,
    AmbitionFeedbackFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
    VisionVersionFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def marked(segments, kind):
    return [s.text for s in segments if s.kind == kind]


def test_word_diff_marks_exactly_the_words_deleted_and_inserted():
    diff = word_diff("Een stad voor iedereen.", "Een open stad voor alle Antwerpenaren.")
    assert marked(diff.old, "delete") == ["iedereen"]
    assert marked(diff.new, "insert") == ["open", "alle Antwerpenaren"]
    assert "".join(s.text for s in diff.old) == "Een stad voor iedereen."
    assert "".join(s.text for s in diff.new) == "Een open stad voor alle Antwerpenaren."
    assert diff.changed


def test_punctuation_and_whitespace_are_not_counted_as_changed_words():
    diff = word_diff(
        "We benoemen verschillen.\n\nSamen.", "We benoemen verschillen openlijk.\nSamen."
    )
    assert marked(diff.old, "delete") == []
    assert marked(diff.new, "insert") == ["openlijk"]
    assert not word_diff("een  stad", "een stad").changed


def test_a_replaced_phrase_is_marked_as_one_change_not_word_by_word():
    diff = word_diff("Wat we willen bereiken.", "Nederlands leren voor iedereen.")
    assert marked(diff.old, "delete") == ["Wat we willen bereiken"]
    assert marked(diff.new, "insert") == ["Nederlands leren voor iedereen"]


@pytest.fixture
def three_versions(consultant):
    """v1 with three ambitions; v2 and v3 copies; in v3 one reworded, one dropped, one new."""
    v1 = VisionVersionFactory(number=1, title="Samen stad", state=VisionState.ADOPTED)
    AmbitionFactory(version=v1, title="Verschillen benoemen", text="We benoemen verschillen.")
    AmbitionFactory(version=v1, title="Samen vieren", text="Feesten in elke wijk.")
    AmbitionFactory(version=v1, title="Taal als sleutel", text="Nederlands leren.")
    v2 = services.new_version(v1, consultant)
    v3 = services.new_version(v2, consultant)
    v3.title = "Samen open stad"
    v3.save()
    reworded = v3.ambitions.get(title="Verschillen benoemen")
    reworded.text = "We benoemen verschillen openlijk."
    reworded.save()
    v3.ambitions.get(title="Taal als sleutel").delete()
    AmbitionFactory(version=v3, title="Rolmodellen zichtbaar", text="Nieuwe verhalen.")
    return v1, v2, v3


def test_ambitions_pair_through_their_origin_across_versions(three_versions):
    v1, _, v3 = three_versions
    result = compare(v1, v3)
    changes = {(p.old and p.old.title, p.new and p.new.title): p.change for p in result.pairs}
    assert changes == {
        ("Verschillen benoemen", "Verschillen benoemen"): Change.CHANGED,
        ("Samen vieren", "Samen vieren"): Change.UNCHANGED,
        (None, "Rolmodellen zichtbaar"): Change.ADDED,
        ("Taal als sleutel", None): Change.REMOVED,
    }
    changed = next(p for p in result.pairs if p.change == Change.CHANGED)
    assert marked(changed.text.new, "insert") == ["openlijk"]
    assert marked(result.title.new, "insert") == ["open"]


def test_a_renamed_ambition_is_changed_not_removed_and_added(consultant):
    v1 = VisionVersionFactory(number=1)
    AmbitionFactory(version=v1, title="Taal als sleutel")
    v2 = services.new_version(v1, consultant)
    copy = v2.ambitions.get()
    copy.title = "Taal als hefboom"
    copy.save()
    (pair,) = compare(v1, v2).pairs
    assert pair.change == Change.CHANGED
    assert marked(pair.title.old, "delete") == ["sleutel"]
    assert marked(pair.title.new, "insert") == ["hefboom"]


def test_compare_page_marks_words_side_by_side_and_escapes_the_source(
    consultant_client, three_versions
):
    v1, _, v3 = three_versions
    v3.body = "Tekst met <script>alert(1)</script> erin."
    v3.save()
    response = consultant_client.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<ins><span class=\"visually-hidden\">\[toegevoegd: </span>openlijk", html)
    assert "<script>alert(1)</script>" not in html
    assert escape("<script>alert(1)</script>") in html
    assert html.count('data-change="changed"') == 1
    assert html.count('data-change="added"') == 1
    assert html.count('data-change="removed"') == 1
    assert html.count('data-change="unchanged"') == 1
    assert "1 ambities gewijzigd, 1 toegevoegd, 1 geschrapt, 1 ongewijzigd." in html


def test_the_older_version_is_always_on_the_left(consultant_client, three_versions):
    v1, _, v3 = three_versions
    html = consultant_client.get(f"/plan/vision/compare/?a={v3.pk}&b={v1.pk}").content.decode()
    assert "Versie 3 tegenover versie 1" in html


def test_b_alone_compares_with_the_previous_version_and_the_detail_links_there(
    consultant_client, three_versions
):
    _, v2, v3 = three_versions
    html = consultant_client.get(f"/plan/vision/compare/?b={v3.pk}").content.decode()
    assert "Versie 3 tegenover versie 2" in html
    detail = consultant_client.get(f"/plan/vision/{v3.pk}/").content.decode()
    assert f"/plan/vision/compare/?a={v2.pk}&amp;b={v3.pk}" in detail


@pytest.mark.parametrize("query", ["a=abc&b=1", "a=1", "a=99999999999999999999999&b=1", "b=²"])
def test_bad_ids_give_a_clear_message_not_an_error(consultant_client, query):
    response = consultant_client.get(f"/plan/vision/compare/?{query}")
    assert response.status_code == 400
    assert "Kies twee versies om te vergelijken" in response.content.decode()


def test_unknown_version_is_not_found(consultant_client, three_versions):
    v1 = three_versions[0]
    assert consultant_client.get(f"/plan/vision/compare/?a={v1.pk}&b=999999").status_code == 404


@pytest.fixture
def decided(three_versions):
    """Two objections on v1: one worked into v3, one not taken over."""
    v1, _, v3 = three_versions
    organisation = OrganisationFactory(name="Vzw De Brug")
    ContactFactory(organisation=organisation, name="Hatice Kaya")
    objected = v1.ambitions.get(title="Verschillen benoemen")
    round_ = ValidationRoundFactory(version=v1)
    response = ValidationResponseFactory(
        invitee__round=round_,
        invitee__organisation=organisation,
        consent_scope=ConsentScope.ANONYMOUS,
    )
    feedback = AmbitionFeedbackFactory(
        response=response,
        ambition=objected,
        position=Endorsement.PARTLY,
        comment="Hatice Kaya zegt: zeg het openlijk.",
    )
    processed = ObjectionDecision.objects.create(
        feedback=feedback,
        outcome=DecisionOutcome.PROCESSED,
        version=v3,
        explanation="Openlijk toegevoegd aan de tekst.",
    )
    processed.ambitions.add(v3.ambitions.get(title="Verschillen benoemen"))
    other = AmbitionFeedbackFactory(
        response=ValidationResponseFactory(
            invitee__round=round_, consent_scope=ConsentScope.NOT_QUOTABLE
        ),
        ambition=v1.ambitions.get(title="Samen vieren"),
        position=Endorsement.NOT,
        comment="Niet citeerbare opmerking.",
    )
    ObjectionDecision.objects.create(
        feedback=other,
        outcome=DecisionOutcome.REJECTED,
        version=v3,
        explanation="Feesten blijven: ze brengen mensen samen.",
    )
    return three_versions


def test_rationale_stands_beside_the_changed_ambition(consultant_client, decided):
    v1, _, v3 = decided
    html = consultant_client.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}").content.decode()
    rationale = html.split('data-testid="rationale"')[1].split("</aside>")[0]
    assert "Openlijk toegevoegd aan de tekst." in rationale
    assert "verwerkt" in rationale and escape("“Verschillen benoemen”") in rationale
    assert "zeg het openlijk" in rationale  # the consultant sees the comment in full
    rejected = html.split('data-testid="rejected"')[1]
    assert "niet overgenomen" in rejected
    assert "Feesten blijven: ze brengen mensen samen." in rejected


def test_objection_comments_follow_the_answers_consent(request, decided):
    v1, _, v3 = decided
    atlas = client_for(request.getfixturevalue("atlas_member"))
    html = atlas.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}").content.decode()
    assert "zeg het openlijk" in html  # anonymised, quoted
    assert "Hatice" not in html and "Vzw De Brug" not in html
    assert "Niet citeerbare opmerking." not in html  # not quotable: left out
    assert "Feesten blijven" in html  # the decision itself is shown


def test_a_withdrawn_answer_is_no_longer_quoted(atlas_client, decided):
    v1, _, v3 = decided
    response = ObjectionDecision.objects.get(outcome="processed").feedback.response
    response.withdrawn_on = datetime.date.today()
    response.save()
    html = atlas_client.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}").content.decode()
    assert "zeg het openlijk" not in html
    assert "Openlijk toegevoegd aan de tekst." in html


def test_reader_compares_adopted_versions_only(reader_client, three_versions):
    v1, v2, v3 = three_versions
    assert reader_client.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}").status_code == 404
    v3.state = VisionState.ADOPTED
    v3.save()
    html = reader_client.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}").content.decode()
    assert "Versie 3 tegenover versie 1" in html
    chooser = reader_client.get("/plan/vision/compare/").content.decode()
    assert f'value="{v2.pk}"' not in chooser  # a concept is not offered


def test_administrator_may_not_compare(admin_client_, three_versions):
    v1, _, v3 = three_versions
    assert admin_client_.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}").status_code == 403


def test_compare_refuses_post(consultant_client):
    assert consultant_client.post("/plan/vision/compare/").status_code == 405


def test_compare_query_count_is_constant(consultant_client, decided, django_assert_num_queries):
    v1, _, v3 = decided

    def add_rows(n):
        for i in range(n):
            AmbitionFactory(version=v3, title=f"Extra {i}")

    assert_same_count(
        consultant_client,
        "/plan/vision/compare/",
        add_rows,
        django_assert_num_queries,
        params={"a": v1.pk, "b": v3.pk},
        marker='data-testid="ambition-pair"',
    )
