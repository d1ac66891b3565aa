"""The API's words: what a personal access token may do, and how long it may last."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


# A token lasts at most this many days; the person chooses its expiry date.
MAX_TOKEN_DAYS = 366
