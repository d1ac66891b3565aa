from django.conf import settings
from django.utils import translation

from arloesi.core import audit


class LanguagePreferenceMiddleware:
    """Remembers the language a person last chose.

    A page address starts with its language (/en/…, /cy/…), and each page links to the same page
    in the other language. Following that link is the choice: it is kept in a cookie, and for a
    signed-in person in their profile too, so e-mails and their next visit use it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        user = getattr(request, "user", None)
        if (
            language
            and request.method == "GET"
            and getattr(user, "is_authenticated", False)
            and user.preferred_language != language
        ):
            # Saved before the page is drawn, so the page already shows the new choice.
            audit.update(user, actor=user, preferred_language=language)
        response = self.get_response(request)
        if not language or settings.LANGUAGE_COOKIE_NAME in response.cookies:
            # No language in the address, or the view chose the language itself (sign-in).
            return response
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            set_language_cookie(response, language)
        return response


def set_language_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        httponly=True,
    )
