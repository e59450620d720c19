"""Questions removed from a guide are flagged ``retired`` instead of parked at 10000 + id.

Existing parked rows become retired (their position no longer matters: only questions in the
guide must hold distinct positions); going back parks retired rows at 10000 + id again.
"""

from django.db import migrations, models

PARKED = 10_000  # the position from which a question counted as removed before this flag


def flag_parked_questions(apps, schema_editor):
    GuideQuestion = apps.get_model("interviews", "GuideQuestion")
    GuideQuestion.objects.filter(position__gte=PARKED).update(retired=True)


def park_retired_questions(apps, schema_editor):
    GuideQuestion = apps.get_model("interviews", "GuideQuestion")
    for question in GuideQuestion.objects.filter(retired=True):
        question.position, question.retired = PARKED + question.pk, False
        question.save(update_fields=["position", "retired"])


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="guidequestion",
            name="retired",
            field=models.BooleanField(default=False, verbose_name="uit de leidraad gehaald"),
        ),
        migrations.AddField(
            model_name="historicalguidequestion",
            name="retired",
            field=models.BooleanField(default=False, verbose_name="uit de leidraad gehaald"),
        ),
        migrations.RemoveConstraint(
            model_name="guidequestion",
            name="guidequestion_position_unique",
        ),
        migrations.AddConstraint(
            model_name="guidequestion",
            constraint=models.UniqueConstraint(
                condition=models.Q(("retired", False)),
                fields=("guide", "position"),
                name="guidequestion_active_position_unique",
            ),
        ),
        migrations.RunPython(flag_parked_questions, park_retired_questions),
        migrations.AlterModelOptions(
            name="guidequestion",
            options={
                "ordering": ["guide", "retired", "position", "pk"],
                "verbose_name": "vraag",
                "verbose_name_plural": "vragen",
            },
        ),
        migrations.AlterModelOptions(
            name="noteanswer",
            options={
                "ordering": ["interview", "question__retired", "question__position", "pk"],
                "verbose_name": "notitie bij een vraag",
                "verbose_name_plural": "notities bij vragen",
            },
        ),
    ]
