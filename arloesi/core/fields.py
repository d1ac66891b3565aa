"""The one set of form fields: text, long text, a choice, a date, money, hours and other whole
numbers, an e-mail address. Each kind of error has one wording, naming the field, in English and
Welsh; every text field refuses hidden control characters (core.text).

``name`` is how a message names the field, where the label is a question ("How many months
will the work take?" is named "the number of months"); it defaults to the label.

``required_message`` is the field's own "what to do" message (GOV.UK style: "Enter the title of
the proposal"), so it is asked for whenever a field is required. A *draft* field may be saved
empty although it is needed before the work is submitted: it is not required, and not marked
"(optional)" either (``core.forms.field_params`` reads ``needed_to_submit``).
"""

from decimal import Decimal

from django import forms
from django.utils import formats
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from arloesi.core.text import validate_no_control_characters

SHORT_TEXT = 200
LONG_TEXT = 5000
EMAIL_LENGTH = 254
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
MONEY_LIMIT = Decimal("10000000000")  # £10 billion: more than any primary-care budget
HOURS_LIMIT = 100_000


def _number(value) -> str:
    return formats.number_format(value, force_grouping=True)


def _with(message, **values) -> str:
    return str(message) % {key: str(value) for key, value in values.items()}


# Built when shown, so each message is in the reader's language.
_message = lazy(_with, str)


def _too_long(name, limit: int):
    return _message(
        _("“%(field)s” must be %(limit)s characters or fewer"), field=name, limit=_number(limit)
    )


def _base(label, *, required: bool, required_message, hint, draft: bool) -> dict:
    if required and required_message is None:
        raise TypeError(f"{label}: a required field needs its own required_message")
    if draft and required:
        raise TypeError(f"{label}: a draft field is never required")
    messages = {"required": required_message} if required_message else {}
    return {"label": label, "required": required, "help_text": hint, "error_messages": messages}


def _mark(field: forms.Field, draft: bool) -> forms.Field:
    field.needed_to_submit = draft
    return field


def text(
    label,
    *,
    required: bool = True,
    required_message=None,
    hint=None,
    max_length: int = SHORT_TEXT,
    draft: bool = False,
    initial=None,
    name=None,
    widget=None,
) -> forms.CharField:
    """One line of text (or, with a ``Textarea`` widget, several: see ``long_text``)."""
    params = _base(
        label, required=required, required_message=required_message, hint=hint, draft=draft
    )
    params["error_messages"]["max_length"] = _too_long(name or label, max_length)
    field = forms.CharField(
        max_length=max_length,
        widget=widget,
        validators=[validate_no_control_characters],
        initial=initial,
        **params,
    )
    return _mark(field, draft)


def long_text(label, *, max_length: int = LONG_TEXT, rows: int = 5, **options) -> forms.CharField:
    """A text area: ``text`` with room to write."""
    return text(
        label, max_length=max_length, widget=forms.Textarea(attrs={"rows": rows}), **options
    )


def choice(
    label,
    choices=(),
    *,
    required: bool = True,
    required_message=None,
    hint=None,
    widget=forms.RadioSelect,
    draft: bool = False,
    coerce=None,
) -> forms.ChoiceField:
    """One of a list: radios (the default) or a select."""
    params = _base(
        label, required=required, required_message=required_message, hint=hint, draft=draft
    )
    params["error_messages"]["invalid_choice"] = _("Select one of the options listed")
    if coerce is not None:
        field = forms.TypedChoiceField(choices=choices, coerce=coerce, widget=widget, **params)
    else:
        field = forms.ChoiceField(choices=choices, widget=widget, **params)
    return _mark(field, draft)


def choices(
    label, options=(), *, required: bool = True, required_message=None, hint=None, draft=False
) -> forms.MultipleChoiceField:
    """Any number of a list, as checkboxes."""
    params = _base(
        label, required=required, required_message=required_message, hint=hint, draft=draft
    )
    params["error_messages"]["invalid_choice"] = _("Select one of the options listed")
    field = forms.MultipleChoiceField(
        choices=options, widget=forms.CheckboxSelectMultiple, **params
    )
    return _mark(field, draft)


class DateInput(forms.DateInput):
    """The browser's own date picker; typed dates in day/month/year order are accepted too."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class _DateField(forms.DateField):
    """Out-of-range years (0001, 99999) are "not a real date", not a crash further on."""

    def to_python(self, value):
        result = super().to_python(value)
        if result is not None and not (1900 <= result.year <= 2200):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return result


def date(
    label, *, required: bool = True, required_message=None, hint=None, initial=None
) -> forms.DateField:
    params = _base(
        label, required=required, required_message=required_message, hint=hint, draft=False
    )
    params["error_messages"]["invalid"] = _("Enter a real date, for example 31/3/2026")
    return _mark(
        _DateField(input_formats=DATE_FORMATS, widget=DateInput, initial=initial, **params), False
    )


def money(
    label,
    *,
    required: bool = True,
    required_message=None,
    hint=None,
    draft: bool = False,
    name=None,
) -> forms.DecimalField:
    """Pounds and pence, from £0 up to (not including) £10 billion."""
    params = _base(
        label, required=required, required_message=required_message, hint=hint, draft=draft
    )
    too_much = _message(
        _("“%(field)s” must be less than £%(limit)s"),
        field=name or label,
        limit=_number(MONEY_LIMIT),
    )
    params["error_messages"].update(
        {
            "invalid": _message(
                _("Enter “%(field)s” as an amount in pounds, like 4500 or 4500.50"),
                field=name or label,
            ),
            "min_value": _message(_("“%(field)s” must be £0 or more"), field=name or label),
            "max_value": too_much,
            "max_digits": too_much,
            "max_whole_digits": too_much,
            "max_decimal_places": _message(
                _("Enter “%(field)s” in pounds and pence, like 4500.50"), field=name or label
            ),
        }
    )
    field = forms.DecimalField(
        min_value=Decimal(0),
        max_value=MONEY_LIMIT - Decimal("0.01"),
        max_digits=12,
        decimal_places=2,
        localize=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        **params,
    )
    return _mark(field, draft)


def whole_number(
    label,
    *,
    min_value: int,
    max_value: int,
    required: bool = True,
    required_message=None,
    hint=None,
    draft: bool = False,
    example: int = 6,
    name=None,
) -> forms.IntegerField:
    params = _base(
        label, required=required, required_message=required_message, hint=hint, draft=draft
    )
    params["error_messages"].update(
        {
            "invalid": _message(
                _("Enter “%(field)s” as a whole number, like %(example)s"),
                field=name or label,
                example=example,
            ),
            "min_value": _message(
                _("“%(field)s” must be %(limit)s or more"),
                field=name or label,
                limit=_number(min_value),
            ),
            "max_value": _message(
                _("“%(field)s” must be %(limit)s or fewer"),
                field=name or label,
                limit=_number(max_value),
            ),
        }
    )
    field = forms.IntegerField(
        min_value=min_value,
        max_value=max_value,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        **params,
    )
    return _mark(field, draft)


def hours(
    label, *, required: bool = True, required_message=None, hint=None, name=None
) -> forms.IntegerField:
    """Whole hours of someone's time, 1 to 100,000."""
    return whole_number(
        label,
        min_value=1,
        max_value=HOURS_LIMIT,
        required=required,
        required_message=required_message,
        hint=hint,
        example=20,
        name=name,
    )


def decimal(
    label,
    *,
    min_value: Decimal,
    max_value: Decimal,
    decimal_places: int = 2,
    required: bool = True,
    required_message=None,
    hint=None,
    name=None,
) -> forms.DecimalField:
    """A number with a fraction, like a weight of 12.5."""
    params = _base(
        label, required=required, required_message=required_message, hint=hint, draft=False
    )
    out_of_range = _message(
        _("“%(field)s” must be between %(low)s and %(high)s"),
        field=name or label,
        low=_number(min_value),
        high=_number(max_value),
    )
    params["error_messages"].update(
        {
            "invalid": _message(_("Enter “%(field)s” as a number, like 15"), field=name or label),
            "min_value": out_of_range,
            "max_value": out_of_range,
            "max_digits": out_of_range,
            "max_whole_digits": out_of_range,
            "max_decimal_places": _message(
                _("Give “%(field)s” with no more than %(places)s decimal places"),
                field=name or label,
                places=decimal_places,
            ),
        }
    )
    whole_digits = len(str(int(max_value)))
    return _mark(
        forms.DecimalField(
            min_value=min_value,
            max_value=max_value,
            max_digits=whole_digits + decimal_places,
            decimal_places=decimal_places,
            localize=False,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            **params,
        ),
        False,
    )


class _EmailField(forms.EmailField):
    """An e-mail address. One with control characters gets core's message alone: ``validate``
    runs before the format check and, when it refuses, the format check does not run."""

    def validate(self, value):
        super().validate(value)
        validate_no_control_characters(value)


def email(label, *, required: bool = True, required_message=None, hint=None) -> forms.EmailField:
    params = _base(
        label, required=required, required_message=required_message, hint=hint, draft=False
    )
    params["error_messages"].update(
        {
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _too_long(label, EMAIL_LENGTH),
        }
    )
    return _mark(_EmailField(max_length=EMAIL_LENGTH, **params), False)


def password(label, *, required_message, hint=None) -> forms.CharField:
    """A password: kept exactly as typed (never stripped), and only ever hashed, so any character
    may be in it."""
    params = _base(label, required=True, required_message=required_message, hint=hint, draft=False)
    params["error_messages"]["max_length"] = _too_long(label, SHORT_TEXT)
    return _mark(
        forms.CharField(max_length=SHORT_TEXT, strip=False, widget=forms.PasswordInput, **params),
        False,
    )
