urlpatterns: list = [
    # proposals:list, proposals:create, proposals:detail (proposal_id), … — see views/authoring.py
]
