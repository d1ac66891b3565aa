"""Background work that every app uses. Runs in the database-backed task worker."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation


@task()
def send_email(*, to: str, template: str, context: dict, language: str) -> None:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in the recipient's language
    and send them. ``context`` holds plain values only (tasks cross a process boundary)."""
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL, "language": language}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[to])
    message.extra_headers["Content-Language"] = language
    message.send()
