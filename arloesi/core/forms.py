"""Django forms rendered with the NHS.UK components (see jinja2/core/_forms.html), the form that
carries the version an edit started from, and how a service's refusal shows on a form.

Fields come from ``core.fields`` (one wording for each kind of error)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields, nhs_number


def _component(widget: forms.Widget) -> str:
    # CheckboxSelectMultiple is a kind of RadioSelect in Django, so it is asked about first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.PasswordInput):
        return "password"
    return "input"


def field_params(bf: forms.BoundField, **options) -> dict:
    """The parameters an NHS.UK form component needs for one bound Django form field."""
    widget = bf.field.widget
    component = _component(widget)
    widget_id = bf.auto_id or bf.html_name
    value = bf.value()
    params: dict = {
        "component": component,
        "id": widget_id,
        "name": bf.html_name,
        "label": {"text": str(bf.label)},
        "attributes": {
            k: v for k, v in widget.attrs.items() if k not in {"class", "rows", "cols", "accept"}
        },
    }
    optional = not bf.field.required and not getattr(bf.field, "needed_to_submit", False)
    if optional and component not in {"checkbox"}:
        params["label"]["text"] = f"{bf.label} {_('(optional)')}"
    if bf.help_text:
        params["hint"] = {"text": str(bf.help_text)}
    if bf.errors:
        params["errorMessage"] = {
            "text": " ".join(str(e) for e in bf.errors),
            # The component's hidden "Error:" before the message, in the page's language.
            "visuallyHiddenText": _("Error"),
        }
    if options.get("hint"):
        params["hint"] = {"text": str(options["hint"])}
    for key in ("width", "classes", "autocomplete", "rows", "spellcheck", "inputmode"):
        if options.get(key) is not None:
            params[key] = options[key]
    if component in {"input", "password"}:
        params["type"] = getattr(widget, "input_type", "text")
        if component == "password":
            params["type"] = "password"
        elif value not in (None, ""):
            params["value"] = str(value)
    elif component == "textarea":
        params["value"] = "" if value is None else str(value)
        params.setdefault("rows", widget.attrs.get("rows", 5))
    elif component in {"radios", "checkboxes", "select"}:
        selected = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
        legend_key = "label" if component == "select" else "fieldset"
        if legend_key == "fieldset":
            params["fieldset"] = {"legend": {"text": params.pop("label")["text"], "size": "s"}}
            params["idPrefix"] = widget_id
        items = []
        for choice_value, choice_label in bf.field.choices:
            key = "selected" if component == "select" else "checked"
            items.append(
                {
                    "value": str(choice_value),
                    "text": str(choice_label),
                    key: str(choice_value) in selected,
                }
            )
        params["items"] = items
    elif component == "checkbox":
        params["items"] = [{"value": "on", "text": str(bf.label), "checked": bool(value)}]
        params["idPrefix"] = widget_id
        params["fieldset"] = None
    elif component == "file":
        params["attributes"] = {**params["attributes"], "accept": widget.attrs.get("accept", "")}
    return params


def error_summary_items(form: forms.Form) -> list[dict]:
    items = []
    for name, errors in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS:
            items.extend({"text": str(e)} for e in errors)
            continue
        bf = form[name]
        # Radios and checkboxes: the first option carries the field's id.
        anchor = bf.auto_id or name
        items.extend({"text": str(e), "href": f"#{anchor}"} for e in errors)
    return items


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal shown on the form: on a field the form has, else at the top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def warn_if_patient_data(request, *texts: str) -> None:
    """After a save: warn, never block (most ten-digit numbers passing the check are not NHS
    numbers). Every free-text form in the product calls this with what was saved."""
    if any(nhs_number.find(str(text or "")) for text in texts):
        messages.warning(
            request,
            _(
                "What you wrote looks like it contains an NHS number. Do not include "
                "patient-identifiable information: remove it, or reword it if it is not an NHS "
                "number."
            ),
        )


STALE_PAGE = _("This page was out of date. Open it again to make your changes")


class VersionedForm(forms.Form):
    """Edits an object that ``core.audit.update`` guards with a version (``VersionedModel``).

    The form carries the version the person started from. When someone else saved meanwhile,
    ``show_stale`` keeps everything this person typed, moves the form on to the version saved
    now (so saving again is a deliberate choice) and lists what the other person changed.
    """

    expected_version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        max_value=2**31 - 1,
        error_messages={
            "required": STALE_PAGE,
            "invalid": STALE_PAGE,
            "min_value": STALE_PAGE,
            "max_value": STALE_PAGE,
        },
    )

    # The object's fields this form edits, in order.
    edited_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.theirs: list[dict] = []

    @classmethod
    def initial_from(cls, obj) -> dict:
        return {
            **{name: getattr(obj, name) for name in cls.edited_fields},
            "expected_version": obj.version,
        }

    def values(self) -> dict:
        """What to save: the edited fields as cleaned."""
        return {name: self.cleaned_data[name] for name in self.edited_fields}

    def show_stale(self, current) -> None:
        data = self.data.copy()
        data["expected_version"] = str(current.version)
        typed = dict(getattr(self, "cleaned_data", {}))
        self.data = data
        self._errors = None
        self.full_clean()
        self.theirs = [
            change for name in self.edited_fields if (change := _theirs(self, current, name, typed))
        ]


def _theirs(form: forms.Form, saved, name: str, typed: dict) -> dict | None:
    """The other person's saved value of one field, when it differs from what was typed."""
    current = getattr(saved, name)
    if (typed.get(name) or "") == (current or ""):
        return None
    if hasattr(saved, f"get_{name}_display"):
        shown = getattr(saved, f"get_{name}_display")()
    elif isinstance(current, bool):
        shown = _("Yes") if current else _("No")
    else:
        shown = current
    return {"label": form[name].label, "value": "" if shown is None else str(shown)}


class RedactForm(forms.Form):
    reason = fields.long_text(
        _("Why is this value being removed?"),
        required_message=_("Say why the value is being removed"),
        hint=_("For example, it was an NHS number or someone’s personal details."),
        rows=3,
    )


def posted(request):
    """The form data of a POST, even an empty one (so it is validated), else None: what a view
    binds its form to, so the same view shows the form (GET) and checks it (POST)."""
    return request.POST if request.method == "POST" else None
