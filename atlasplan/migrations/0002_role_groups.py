"""Create the groups behind the roles (atlasplan.roles.GROUP_NAMES).

Rights are not Django model permissions on these groups: they are the rules in
atlasplan.permissions and each app's rules.py, which look at group membership.
"""

from django.db import migrations

GROUP_NAMES = ["Consultant", "Atlas-team", "Lezer"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUP_NAMES:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("atlasplan", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
