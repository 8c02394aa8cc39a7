import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True


    dependencies = [
        ("consultations", "0003_carried_takeaways"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PriorityRound",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("votes_per_person", models.PositiveSmallIntegerField(default=3, verbose_name="votes per person")),
                ("opened_at", models.DateTimeField(verbose_name="started")),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="closed")),
                ("ballots", models.PositiveIntegerField(default=0, verbose_name="ballots cast")),
                (
                    "closed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="closed by",
                    ),
                ),
                (
                    "consultation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="priority_rounds",
                        to="consultations.consultationpage",
                        verbose_name="consultation",
                    ),
                ),
                (
                    "opened_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="started by",
                    ),
                ),
            ],
            options={
                "verbose_name": "prioritisation round",
                "verbose_name_plural": "prioritisation rounds",
                "ordering": ["-opened_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="PriorityOption",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("group_name", models.CharField(blank=True, max_length=200, verbose_name="group")),
                ("question_number", models.IntegerField(blank=True, null=True, verbose_name="question number")),
                ("text", models.TextField(verbose_name="takeaway")),
                ("point_id", models.CharField(blank=True, max_length=64, verbose_name="note point")),
                ("sort_order", models.PositiveIntegerField(default=0, verbose_name="order")),
                ("votes", models.PositiveIntegerField(default=0, verbose_name="votes")),
                (
                    "round",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="options",
                        to="priorities.priorityround",
                        verbose_name="round",
                    ),
                ),
            ],
            options={
                "verbose_name": "option",
                "verbose_name_plural": "options",
                "ordering": ["round", "sort_order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="PriorityVoter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "round",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="voters",
                        to="priorities.priorityround",
                        verbose_name="round",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="voter",
                    ),
                ),
            ],
            options={
                "verbose_name": "voter",
                "verbose_name_plural": "voters",
            },
        ),
        migrations.AddConstraint(
            model_name="priorityround",
            constraint=models.UniqueConstraint(
                condition=models.Q(("closed_at__isnull", True)),
                fields=("consultation",),
                name="one_open_priority_round",
            ),
        ),
        migrations.AddConstraint(
            model_name="priorityvoter",
            constraint=models.UniqueConstraint(fields=("round", "user"), name="one_ballot_per_person"),
        ),
    ]
