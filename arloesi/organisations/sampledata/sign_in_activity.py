"""Benchmark sign-in activity: everyone signed in once in the last month; one in five mistyped
their password first (the administrators' sign-in activity page lists it)."""

import random
from datetime import timedelta

from arloesi.organisations.models import Person, SignInActivity

BATCH_SIZE = 1000


def sign_in_activity_generate(*, people: list[Person], now) -> int:
    rng = random.Random(len(people))
    activity = []
    for number, person in enumerate(people):
        at = now - timedelta(minutes=rng.randrange(1, 60 * 24 * 30))
        if number % 5 == 0:
            activity.append(
                SignInActivity(
                    email=person.email,
                    person=person,
                    at=at - timedelta(minutes=1),
                    outcome=SignInActivity.Outcome.SIGN_IN_FAILED,
                )
            )
        activity.append(
            SignInActivity(
                email=person.email, person=person, at=at, outcome=SignInActivity.Outcome.SIGNED_IN
            )
        )
    SignInActivity.objects.bulk_create(activity, batch_size=BATCH_SIZE)
    return len(activity)
