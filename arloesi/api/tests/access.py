"""The API in the access walk and the form fuzz (tests/walks/).

The walk asks every address of the API as each of A's people with their own token (read and
write), pointed at B's objects: each answers as for an object that does not exist (404), a
malformed request (400, 422), or refuses the method (405); signed-out callers and sessions get
401. The account's tokens page and its revoke button are walked and fuzzed as pages.
"""

from arloesi.api.tests.factories import bearer, token_for


def populate(world) -> None:
    # B's own token, for the revoke button (nobody else may revoke it).
    world.b_api_token_secret = token_for(world.b_person, name=f"Token {world.marker}")
    from arloesi.api.selectors import tokens_of

    world.b_api_token = tokens_of(user=world.b_person)[0].token


def api_headers(world, person) -> dict[str, str]:
    """What a caller sends with each request: a token of their own that may read and write."""
    return bearer(token_for(person))


PROBES = {
    "api:token_revoke": lambda w: {"token_id": w.b_api_token.pk},
    "api-v1:unit_detail": lambda w: {"unit_id": w.b.cluster.pk},
    "api-v1:proposal_detail": lambda w: {"proposal_id": w.b_proposal.pk},
    "api-v1:proposal_update": lambda w: {"proposal_id": w.b_proposal.pk},
    "api-v1:project_detail": lambda w: {"project_id": w.b_project.pk},
    "api-v1:milestone_list": lambda w: {"project_id": w.b_project.pk},
    "api-v1:milestone_add": lambda w: {"project_id": w.b_project.pk},
    "api-v1:cycle_list": lambda w: {"project_id": w.b_project.pk},
    "api-v1:cycle_plan": lambda w: {"project_id": w.b_project.pk},
    "api-v1:project_measures": lambda w: {"project_id": w.b_project.pk},
    "api-v1:measure_detail": lambda w: {"measure_id": w.b_measure.pk},
    "api-v1:data_series": lambda w: {"measure_id": w.b_measure.pk},
    "api-v1:data_upsert": lambda w: {"measure_id": w.b_measure.pk},
    "api-v1:risk_detail": lambda w: {"entry_id": w.b_risk.pk},
    "api-v1:record_detail": lambda w: {"record_id": w.b_record_draft.pk},
}

# The API's description and its documentation are for anyone.
PUBLIC = {"api:docs", "api-v1:openapi-json"}

FORM_USERS = {
    "api:tokens": lambda w: w.b_person,
    "api:token_revoke": lambda w: w.b_person,
}
