from urllib.parse import urlsplit

from django.urls import translate_url
from django.utils.translation import get_language

from arloesi.core import navigation


def layout(request):
    """What every page's header and footer need: navigation for the person's roles and the
    address of this same page in the other language."""
    language = get_language() or "en"
    other = "en" if language == "cy" else "cy"
    return {
        "language": language,
        "other_language": other,
        "other_language_name": {"en": "English", "cy": "Cymraeg"}[other],
        "other_language_url": other_language_url(request, language, other),
        "navigation": navigation.items_for(request),
    }


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
