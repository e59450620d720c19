from io import StringIO

from django.contrib.auth.models import User
from django.core.management import call_command

from atlasplan.models import Theme
from atlasplan.roles import Role, roles_of


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_load_demo_creates_one_user_per_role_and_the_codebook(db):
    output = load("--password", "demo-wachtwoord-1")
    expected = {
        "consultant": Role.CONSULTANT,
        "atlas": Role.ATLAS,
        "lezer": Role.READER,
        "beheerder": Role.ADMINISTRATOR,
    }
    for username, role in expected.items():
        user = User.objects.get(username=username)
        assert roles_of(user) == {role}
        assert user.check_password("demo-wachtwoord-1")
    assert Theme.objects.count() >= 10
    assert Theme.objects.filter(parent__isnull=False).exists()  # a tree, not a flat list
    assert "http://127.0.0.1:8000/" in output
    assert "demo-wachtwoord-1" in output


def test_load_demo_twice_changes_nothing(db):
    load("--password", "eerste-wachtwoord")
    themes = list(Theme.objects.values_list("name", "parent__name", "colour"))
    Theme.objects.filter(name="Taal").update(description="Door de gebruiker aangepast")
    output = load("--password", "tweede-wachtwoord")
    assert list(Theme.objects.values_list("name", "parent__name", "colour")) == themes
    assert Theme.objects.get(name="Taal").description == "Door de gebruiker aangepast"
    assert User.objects.get(username="atlas").check_password("eerste-wachtwoord")
    assert "tweede-wachtwoord" not in output


def test_load_demo_generates_and_prints_a_password(db):
    output = load()
    password = output.split("user: consultant  password: ")[1].split()[0]
    assert User.objects.get(username="consultant").check_password(password)
