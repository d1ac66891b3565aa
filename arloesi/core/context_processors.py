from urllib.parse import urlsplit

from django.middleware.csrf import get_token
from django.urls import translate_url
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from arloesi.core import navigation


def layout(request):
    """What every page's header and footer need: navigation for the person's roles, the
    address of this same page in the other language, and the CSRF token for its forms."""
    language = get_language() or "en"
    other = "en" if language == "cy" else "cy"
    return {
        "language": language,
        "other_language": other,
        "other_language_name": {"en": "English", "cy": "Cymraeg"}[other],
        "other_language_url": other_language_url(request, language, other),
        "navigation": navigation.items_for(request),
        **_csrf_once(request),
    }


def _masked_token(request) -> str:
    """The page's masked CSRF token: masked at its first use, then the same for every form.

    Django's Jinja2 backend masks a new token each time a page prints one (about 30 µs): a
    table with a form on each row — a health board's invitations, each with its withdraw
    button — paid that for every row. One masked token per response is what Django's own
    protection needs (the mask changes with every response).
    """
    try:
        return request._arloesi_masked_csrf_token
    except AttributeError:
        request._arloesi_masked_csrf_token = get_token(request)
        return request._arloesi_masked_csrf_token


def _hidden_input(request) -> SafeString:
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', _masked_token(request)
    )


# Still lazy, as Django's are: a page without a form sets no CSRF cookie.
_csrf_token_lazy = lazy(_masked_token, str)
_csrf_input_lazy = lazy(_hidden_input, SafeString, str)


def _csrf_once(request) -> dict:
    """``csrf_token`` and ``csrf_input`` for the page's forms, masked once (see _masked_token)."""
    return {"csrf_token": _csrf_token_lazy(request), "csrf_input": _csrf_input_lazy(request)}


def other_language_url(request, language: str, other: str) -> str:
    """The same page in the other language; for an address that matches no page (a 404), the
    same address with the other language's prefix. Whatever was asked for, the link stays on
    this site, in the other language: for an address such as ``//evil.example/`` it is the
    other language's home page."""
    path = request.get_full_path()
    translated = translate_url(path, other)
    if translated == path and path.startswith(f"/{language}/"):
        translated = f"/{other}/{path.removeprefix(f'/{language}/')}"
    if translated.startswith(f"/{other}/") and on_this_site(translated):
        return translated
    return f"/{other}/"


def on_this_site(url: str) -> bool:
    """An address a browser resolves on this site: one slash, then no host and no scheme.
    (Browsers read a backslash as a slash, and ``//host`` or ``///host`` as another site.)"""
    parts = urlsplit(url)
    return (
        url.startswith("/")
        and url[1:2] not in {"/", "\\"}
        and not parts.scheme
        and not parts.netloc
    )
