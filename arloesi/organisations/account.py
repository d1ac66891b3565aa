"""What higher apps add to a person's account page — the API's personal access tokens — without
organisations importing them (ADR 0004: nothing points up). An app registers in its
``AppConfig.ready()``:

    account.register(_("API access tokens"), "api:tokens", _("Tokens for programs that ..."))

and the account page links to each (the page it leads to is the person's own)."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class AccountSection:
    label: str
    url_name: str
    description: str


_sections: list[AccountSection] = []


def register(label, url_name: str, description) -> None:
    if any(section.url_name == url_name for section in _sections):
        return
    _sections.append(AccountSection(label, url_name, description))


def sections() -> list[dict[str, str]]:
    """Each registered section as the page shows it: its words and its address."""
    return [
        {
            "label": str(section.label),
            "url": reverse(section.url_name),
            "description": str(section.description),
        }
        for section in _sections
    ]
