"""What ``make scale-test`` needs in its fresh PostgreSQL database: three people of one
registered organisation who can sign in, and a published event with exactly one seat left.

Run inside the project (``manage.py shell -c``); prints JSON for ``vamos.bench.scale_test``.
"""

import datetime
import json
import secrets

from allauth.account.models import EmailAddress
from django.utils import timezone

from vamos.accounts.models import User
from vamos.events.models import Event, Registration
from vamos.events.services import registration_create
from vamos.organisations.models import Membership, Organisation


def build() -> None:
    password = secrets.token_urlsafe(16)
    organisation = Organisation.objects.create(
        name="Landesverband Skalierungstest",
        slug="landesverband-skalierungstest",
        kind=Organisation.Kind.STATE,
        status=Organisation.Status.ACTIVE,
        joined_on=timezone.localdate(),
    )
    people = {}
    for key in ("first", "second", "third"):
        user = User.objects.create_user(
            email=f"{key}@scale-test.vamos.test",
            password=password,
            first_name=key.capitalize(),
            last_name="Skalierung",
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        Membership.objects.create(user=user, organisation=organisation)
        people[key] = user
    start = timezone.now() + datetime.timedelta(days=30)
    event = Event.objects.create(
        title="Schulung zum Skalierungstest",
        slug="schulung-skalierungstest",
        kind=Event.Kind.TRAINING,
        format=Event.Format.ONLINE,
        status=Event.Status.PUBLISHED,
        start=start,
        end=start + datetime.timedelta(hours=2),
        capacity=2,
        audience=Event.Audience.REGISTERED,
    )
    # One of the two seats is taken: two people race for the last one.
    registration_create(
        event=event, user=people["third"], organisation=organisation, answers={}, workshops=[]
    )
    seated = event.registrations.filter(status__in=Registration.SEATED).count()
    print(
        json.dumps(
            {
                "password": password,
                "people": {key: user.email for key, user in people.items()},
                "organisation": organisation.pk,
                "event": event.slug,
                "seats_left": (event.capacity or 0) - seated,
            }
        )
    )
