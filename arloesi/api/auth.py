"""Who is asking: a personal access token in ``Authorization: Bearer …``, and nothing else (no
session). The token's person acts, in their own language unless ``Accept-Language`` says
another; a token that may only read is refused any write (403) before anything is looked up."""

from django.utils import translation
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from arloesi.api import services
from arloesi.api.problems import Problem


class TokenAuth(HttpBearer):
    def __init__(self, *, write: bool = False):
        super().__init__()
        self.write = write

    def authenticate(self, request, token: str):
        try:
            found = services.token_use(
                secret=token.strip(), method=request.method, path=request.path
            )
        except services.TokenRefusedError:
            return None
        except services.ThrottledError as error:
            raise Problem(
                429,
                _("This token has made too many requests. Try again in %(seconds)s seconds.")
                % {"seconds": error.retry_after},
                headers={"Retry-After": str(error.retry_after)},
            ) from None
        request.user = found.person
        request.token = found
        if "HTTP_ACCEPT_LANGUAGE" not in request.META:
            translation.activate(found.person.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        if self.write and not found.may_write:
            raise Problem(
                403,
                _(
                    "This token may only read. Create a token that may read and write to "
                    "change anything."
                ),
            )
        return found


read = TokenAuth()
write = TokenAuth(write=True)
