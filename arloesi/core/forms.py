"""Django forms rendered with the NHS.UK components (see jinja2/core/_forms.html)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from arloesi.core import nhs_number
from arloesi.core.text import validate_no_control_characters


class TextField(forms.CharField):
    """Text a person types, for a form to keep: control characters are refused (core.text),
    with the same message everywhere. Django's CharField already refuses the NUL character."""

    default_validators = [validate_no_control_characters]


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
    if not bf.field.required and component not in {"checkbox"}:
        params["label"]["text"] = f"{bf.label} {_('(optional)')}"
    if bf.help_text:
        params["hint"] = {"text": str(bf.help_text)}
    if bf.errors:
        params["errorMessage"] = {"text": " ".join(str(e) for e in bf.errors)}
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
