from io import StringIO

from django.core.management import call_command

from stakeholders.models import (
    Assessment,
    Contact,
    Interaction,
    Organisation,
    ShortlistEntry,
)


def load() -> str:
    out = StringIO()
    call_command("load_demo", "--password", "demo-wachtwoord-1", stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    models = [Organisation, Contact, Assessment, Interaction, ShortlistEntry]
    return tuple(model.objects.count() for model in models)


def test_the_demo_holds_40_organisations_and_an_approved_shortlist_of_7(db):
    load()
    assert Organisation.objects.count() == 40
    assert Organisation.objects.values("sector").distinct().count() == 12
    assert Contact.objects.count() >= 40
    reassessed = Organisation.objects.filter(assessments__isnull=False).values("pk")
    assert Assessment.objects.count() > reassessed.distinct().count()  # some re-assessed
    assert Interaction.objects.exclude(follow_up="").exists()
    approved = ShortlistEntry.objects.filter(decision="approved")
    assert approved.count() == 7
    assert set(approved.values_list("decided_by__username", flat=True)) == {"atlas"}
    assert all("Fictieve" in o.description for o in Organisation.objects.all())
    names = "".join(Organisation.objects.values_list("name", flat=True))
    assert any(ord(char) > 0x400 for char in names)  # several scripts, not only Latin


def test_loading_the_demo_twice_changes_nothing(db):
    load()
    before = counts()
    Organisation.objects.filter(name="Atheneum Kiel").update(description="Door de gebruiker")
    output = load()
    assert counts() == before
    assert Organisation.objects.get(name="Atheneum Kiel").description == "Door de gebruiker"
    assert "+ 0 organisations" in output
