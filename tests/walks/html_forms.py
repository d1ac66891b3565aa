"""The forms a page offers, read from its HTML as a browser would (standard library only).

Each ``<form method="post">`` becomes a ``Form``: where it posts, and each field a browser would
send — text inputs, text areas, hidden values, radio and checkbox groups with their options,
selects with theirs, file inputs, and named submit buttons. An element with ``hx-post`` (htmx
posting the form around it) is a form of its own, posting the enclosing form's fields.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

CSRF_FIELD = "csrfmiddlewaretoken"


@dataclass
class Field:
    name: str
    # "text", "textarea", "hidden", "radio", "checkbox", "select", "file", "password", "email",
    # "number", "date", "button", …: the input's type, or the element's name.
    kind: str
    values: list[str] = field(default_factory=list)  # what the page would send as it is
    options: list[str] = field(default_factory=list)  # radio, checkbox and select choices
    inputmode: str = ""

    @property
    def is_choice(self) -> bool:
        return self.kind in ("radio", "checkbox", "select")


@dataclass
class Form:
    action: str  # the path it posts to, without the query string or fragment
    fields: dict[str, Field] = field(default_factory=dict)
    multipart: bool = False

    def csrf_token(self) -> str | None:
        token = self.fields.get(CSRF_FIELD)
        return token.values[0] if token and token.values else None

    def fuzzable(self) -> dict[str, Field]:
        return {name: f for name, f in self.fields.items() if name != CSRF_FIELD}

    def describe(self) -> str:
        return f"form posting to {self.action} ({', '.join(self.fuzzable()) or 'no fields'})"


class _Parser(HTMLParser):
    def __init__(self, page_path: str):
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._htmx: list[Form] = []  # hx-post forms inside the current form
        self._textarea: Field | None = None
        self._select: Field | None = None
        self._in_option = False
        self._option: str | None = None
        self._option_selected = False
        self._option_text = ""

    def _path(self, action: str | None) -> str:
        return urlsplit(urljoin(self.page_path, action or self.page_path)).path

    def _field(self, name: str, kind: str, **extra) -> Field:
        existing = self._form.fields.get(name)
        if existing is None:
            existing = self._form.fields[name] = Field(name, kind, **extra)
        return existing

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._form = Form(
                self._path(attrs.get("action")),
                multipart=attrs.get("enctype") == "multipart/form-data",
            )
            self._htmx = []
            return
        if self._form is None:
            return
        if "hx-post" in attrs:
            self._htmx.append(Form(self._path(attrs["hx-post"])))
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            value = attrs.get("value")
            if kind in ("radio", "checkbox"):
                found = self._field(name, kind)
                found.options.append(value if value is not None else "on")
                if "checked" in attrs:
                    found.values.append(found.options[-1])
            elif kind in ("submit", "image", "reset"):
                return
            else:
                found = self._field(name, kind, inputmode=attrs.get("inputmode", ""))
                if value is not None and kind != "file":
                    found.values = [value]
        elif tag == "button" and name:
            # A named submit button sends its value (e.g. action=decide).
            self._field(name, "button").values = [attrs.get("value", "")]
        elif tag == "textarea" and name:
            self._textarea = self._field(name, "textarea")
            self._textarea.values = [""]
        elif tag == "select" and name:
            self._select = self._field(name, "select")
        elif tag == "option" and self._select is not None:
            self._in_option = True
            self._option = attrs.get("value")
            self._option_selected = "selected" in attrs
            self._option_text = ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.values[0] += data
        if self._in_option:
            self._option_text += data

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            for htmx in self._htmx:
                htmx.fields = dict(self._form.fields)
                self.forms.append(htmx)
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "option" and self._in_option:
            value = self._option if self._option is not None else self._option_text.strip()
            self._select.options.append(value)
            if self._option_selected:
                self._select.values = [value]
            self._in_option = False
        elif tag == "select":
            self._select = None


def post_forms(html: str, page_path: str) -> list[Form]:
    """The forms on the page that post, in the order they appear."""
    parser = _Parser(page_path)
    parser.feed(html)
    parser.close()
    return parser.forms
