"""`load_demo` on an empty database; everything else about the demo case is in test_demo.py,
which loads it once."""

from io import StringIO

from django.contrib.auth.models import User
from django.core.management import call_command


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_load_demo_generates_and_prints_a_password(db):
    output = load()
    password = output.split("user: consultant  password: ")[1].split()[0]
    assert User.objects.get(username="consultant").check_password(password)
