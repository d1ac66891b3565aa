"""The API's answers, whatever made them: problem details for every error (an unknown address,
a method the address does not take, a body too large — answered before the API's own handlers
run) and never stored by a cache."""

from django.utils.cache import patch_cache_control

from arloesi.api import problems

PREFIX = "/api/"


class ProblemDetailsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(PREFIX):
            return response
        content_type = response.get("Content-Type", "")
        if response.status_code >= 400 and not content_type.startswith(problems.CONTENT_TYPE):
            allowed = response.get("Allow")
            response = problems.response(response.status_code)
            if allowed:
                response["Allow"] = allowed
        patch_cache_control(response, private=True, no_store=True)
        return response
