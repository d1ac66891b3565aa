"""Reads of the API app: its front door. A person's tokens, and the API's lists (each read
through the owning app's scoped selector)."""

from arloesi.api.selectors.listing import (
    PER_PAGE,
    Paged,
    learning_page,
    paged,
    projects_page,
    proposals_page,
    risks_page,
    units_page,
)
from arloesi.api.selectors.tokens import TokenRow, token_get_for_user, tokens_of

__all__ = [
    "PER_PAGE",
    "Paged",
    "TokenRow",
    "learning_page",
    "paged",
    "projects_page",
    "proposals_page",
    "risks_page",
    "token_get_for_user",
    "tokens_of",
    "units_page",
]
