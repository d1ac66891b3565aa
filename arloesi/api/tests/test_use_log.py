"""A token's use log is kept for API_TOKEN_USES_KEEP_DAYS, then removed by the daily task; its
rows are otherwise never changed or deleted."""

from datetime import timedelta

import pytest
from django.utils import timezone

from arloesi.api import tasks
from arloesi.api.models import TokenUse
from arloesi.api.selectors import tokens_of
from arloesi.api.tests.factories import token_for
from arloesi.core.models import ImmutableRecordError
from arloesi.organisations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_uses_past_their_keeping_are_removed_and_the_rest_kept(settings):
    settings.API_TOKEN_USES_KEEP_DAYS = 30
    person = PersonFactory()
    token_for(person)
    token = tokens_of(user=person)[0].token
    now = timezone.now()
    old = TokenUse.objects.create(token=token, at=now - timedelta(days=31), method="GET", path="/")
    kept = TokenUse.objects.create(token=token, at=now - timedelta(days=29), method="GET", path="/")

    assert tasks.token_uses_prune.call() == 1

    assert list(TokenUse.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not TokenUse.objects.filter(pk=old.pk).exists()


def test_the_log_is_otherwise_never_changed_or_deleted():
    person = PersonFactory()
    token_for(person)
    token = tokens_of(user=person)[0].token
    TokenUse.objects.create(token=token, method="GET", path="/")
    with pytest.raises(ImmutableRecordError):
        TokenUse.objects.all().delete()
    with pytest.raises(ImmutableRecordError):
        TokenUse.objects.update(path="/elsewhere")
