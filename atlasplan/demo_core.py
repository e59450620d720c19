"""The shared core's part of the demo case: one user per role and the codebook."""

from collections.abc import Callable

from django.contrib.auth.models import Group, User

from atlasplan.demo import DemoContext
from atlasplan.models import Theme
from atlasplan.roles import GROUP_NAMES, Role

# user name, first name, last name, role
DEMO_USERS = [
    ("consultant", "Noor", "El Idrissi", Role.CONSULTANT),
    ("atlas", "Jozef", "Van den Broeck", Role.ATLAS),
    ("lezer", "Ayşe", "Yıldız", Role.READER),
    ("beheerder", "Mateusz", "Nowak", Role.ADMINISTRATOR),
]

# name, parent, colour, description (a fictional codebook for the demo case)
DEMO_THEMES = [
    ("Beeldvorming", None, "#1f6f8b", "Hoe Antwerpenaren over diversiteit denken en spreken."),
    (
        "Media en berichtgeving",
        "Beeldvorming",
        "#2a9d8f",
        "Hoe media diversiteit in beeld brengen.",
    ),
    ("Stereotypen", "Beeldvorming", "#457b9d", "Vaste beelden over groepen en hoe ze werken."),
    ("Verschillen benoemen", None, "#e76f51", "Durven spreken over wat mensen onderscheidt."),
    ("Taal", "Verschillen benoemen", "#f4a261", "Woordkeuze, labels en meertaligheid."),
    ("Verbindende identiteit", None, "#6a4c93", "Wat Antwerpenaren gemeen hebben: 'wij' als stad."),
    ("Discriminatie", None, "#c1121f", "Ongelijke behandeling en hoe die aan te pakken."),
    ("Racisme", "Discriminatie", "#9d0208", "Racisme in de stad, ervaren en vastgesteld."),
    ("Onderwijs", None, "#3a86ff", "School, opleiding en gelijke kansen."),
    ("Werk", None, "#588157", "Arbeidsmarkt, aanwerving en loopbaan."),
    ("Wonen en buurt", None, "#bc6c25", "Samenleven in de wijk."),
    ("Participatie", None, "#8338ec", "Inspraak en deelname van bewoners en verenigingen."),
]


def load(context: DemoContext) -> None:
    _load_users(context.report, context.password)
    _load_themes(context.report)


def _load_users(report: Callable[[str], None], password: str) -> None:
    for username, first, last, role in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@atlasplan.example",
            },
        )
        if created:
            user.set_password(password)
            user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
            user.save()
            if role in GROUP_NAMES:
                # get_or_create: the groups come from a migration, but a flushed test
                # database (transactional tests) has lost them.
                user.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[role])[0])
        report(f"{'+' if created else '='} user {username} ({role.label})")


def _load_themes(report: Callable[[str], None]) -> None:
    created_count = 0
    for name, parent_name, colour, description in DEMO_THEMES:
        parent = Theme.objects.get(name=parent_name) if parent_name else None
        _, created = Theme.objects.get_or_create(
            name=name, defaults={"parent": parent, "colour": colour, "description": description}
        )
        created_count += created
    report(f"+ {created_count} themes ({len(DEMO_THEMES)} in the codebook)")
