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
        "other_language_url": translate_url(request.get_full_path(), other),
        "navigation": navigation.items_for(request),
    }
