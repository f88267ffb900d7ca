"""The database checks that a claim's places are a list of names (0017 cleaned the rows that were not).

Its own migration: on PostgreSQL a table cannot be altered in the transaction that just wrote rows
pointing at it (the cleaning's events).
"""

from django.db import migrations, models

import claims.models


class Migration(migrations.Migration):
    dependencies = [("claims", "0017_places_list_of_names")]

    operations = [
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.CheckConstraint(
                condition=claims.models.IsListOfStrings("places"),
                name="claim_places_list_of_names",
                violation_error_message='Places must be a list of names, such as ["Minsk", "Belarus"].',
            ),
        ),
    ]
