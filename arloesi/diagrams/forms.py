"""The diagram's forms: starting one, its title and SMART aim, a box's words and column, adding a
box to a column, and the small forms behind the editor's buttons (each carries the revision the
page showed, so the page can say when someone else changed the diagram meanwhile)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.diagrams import document as exchange
from arloesi.diagrams.models import Diagram, DiagramNode, Kind, Strength
from arloesi.diagrams.wording import ADD_LABELS, ADD_REQUIRED, LINKED_FROM_LABELS

MAX_FILE_BYTES = 2 * 1024 * 1024
BLANK, COPY, FILE = "blank", "copy", "file"
TEXT_LIMIT = exchange.MAX_TEXT


def _box_text(label, *, required_message, hint=None):
    return fields.long_text(
        label, max_length=TEXT_LIMIT, rows=2, required_message=required_message, hint=hint
    )


class RevisionForm(forms.Form):
    """What every editor button sends: the revision of the diagram the page showed."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def seen(self) -> int | None:
        return self.cleaned_data.get("revision") if self.is_valid() else None


class StartForm(forms.Form):
    title = fields.text(
        _("Title"),
        required=False,
        max_length=200,
        hint=_("Leave it empty to use the title of what you start from."),
    )
    source = fields.choice(_("Start from"), required_message=_("Select what to start from"))
    aim = fields.long_text(
        _("Aim"),
        max_length=TEXT_LIMIT,
        rows=3,
        required=False,
        hint=_(
            "For a blank diagram: what will improve, by how much, for whom and by when. For "
            "example, “80% of same-day requests met on the day by March 2028”."
        ),
    )
    file = forms.FileField(
        label=_("Driver diagram file (JSON)"),
        required=False,
        help_text=_("A file exported from Arloesi or written in the same format, up to 2 MB."),
        error_messages={"empty": _("The selected file is empty")},
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def __init__(self, *args, examples=(), copy_of: Diagram | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        options = [(BLANK, _("A blank diagram: just the aim"))]
        options += [
            (f"example:{e.slug}", _("Example: %(title)s") % {"title": e.title}) for e in examples
        ]
        if copy_of is not None:
            options.append((COPY, _("A copy of “%(title)s”") % {"title": copy_of.title}))
        options.append((FILE, _("A file you have (JSON)")))
        self.fields["source"].choices = options
        self.examples = {e.slug: e for e in examples}
        self.document: exchange.DiagramDocument | None = None

    def clean(self):
        data = super().clean()
        source = data.get("source")
        if source == BLANK and not (data.get("aim") or "").strip():
            self.add_error("aim", _("Enter the aim"))
        if source == FILE:
            upload = data.get("file")
            if upload is None:
                self.add_error("file", _("Select a driver diagram file (JSON)"))
            elif upload.size > MAX_FILE_BYTES:
                self.add_error("file", _("The selected file must be smaller than 2 MB"))
            else:
                try:
                    self.document = exchange.parse(upload.read())
                except exchange.DocumentError as error:
                    self.add_error("file", gettext(error.template) % error.params)
        return data

    def example(self):
        source = self.cleaned_data["source"]
        return self.examples.get(source.removeprefix("example:")) if source else None


def first_choice(*, requested: str | None, examples, copy_of: Diagram | None) -> str:
    """What the start form has chosen when it opens: a copy when the person came from a
    diagram's "Copy" link, the example an example's link names (``?source=example:<slug>``),
    else a blank diagram."""
    if copy_of is not None:
        return COPY
    if requested in {f"example:{e.slug}" for e in examples}:
        return requested
    return BLANK


class AimForm(VersionedForm):
    edited_fields = (
        "title",
        "aim_what",
        "aim_how_much",
        "aim_for_whom",
        "aim_by_when",
        "aim_baseline",
        "aim_target",
    )

    title = fields.text(_("Title"), max_length=200, required_message=_("Enter a title"))
    aim = fields.long_text(
        _("Aim"),
        max_length=TEXT_LIMIT,
        rows=3,
        required_message=_("Enter the aim"),
        hint=_("One sentence: what will improve, by how much, for whom and by when."),
    )
    aim_what = fields.text(
        _("What will improve"),
        required=False,
        max_length=300,
        hint=_("For example, same-day requests met on the day."),
    )
    aim_how_much = fields.text(
        _("By how much"), required=False, max_length=200, hint=_("For example, by a third.")
    )
    aim_for_whom = fields.text(
        _("For whom"),
        required=False,
        max_length=300,
        hint=_("For example, patients of the cluster’s eight practices."),
    )
    aim_by_when = fields.date(_("By when"), required=False)
    aim_baseline = fields.text(
        _("Baseline"),
        required=False,
        max_length=300,
        hint=_("Where things are now, and when that was measured."),
    )
    aim_target = fields.text(
        _("Target"), required=False, max_length=300, hint=_("The figure that will mean success.")
    )

    @classmethod
    def initial_for(cls, diagram: Diagram, aim: DiagramNode | None) -> dict:
        return {**cls.initial_from(diagram), "aim": aim.text if aim else ""}


def column_choices(*, aim: bool = False) -> list[tuple[str, str]]:
    kinds = Kind.choices if aim else [c for c in Kind.choices if c[0] != Kind.AIM]
    return [(value, label) for value, label in kinds]


class NodeForm(VersionedForm):
    edited_fields = ("text", "kind")

    text = _box_text(_("Words in the box"), required_message=_("Enter the words for the box"))
    kind = fields.choice(
        _("Column"),
        required_message=_("Select a column"),
        hint=_(
            "Moving the box to another column takes away its links that would no longer run "
            "from left to right."
        ),
    )

    def __init__(self, *args, node: DiagramNode, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = column_choices(aim=node.kind == Kind.AIM)
        if node.kind == Kind.AIM:
            self.fields["kind"].choices = [(Kind.AIM, Kind.AIM.label)]


class NodeAddForm(RevisionForm):
    """Add a box to one column (the form's prefix is the column's kind, so the three forms on
    the page keep their own values and ids)."""

    def __init__(self, *args, kind: str, sources: list[DiagramNode] = (), **kwargs):
        super().__init__(*args, prefix=kind, **kwargs)
        self.kind = kind
        self.fields["text"] = _box_text(ADD_LABELS[kind], required_message=ADD_REQUIRED[kind])
        if kind != Kind.PRIMARY:
            self.fields["linked_from"] = fields.choice(
                LINKED_FROM_LABELS[kind],
                [("", _("Choose later"))] + [(n.pk, str(n)) for n in sources],
                required=False,
                widget=forms.Select,
                coerce=int,
                hint=_("You can add more links later."),
            )

    def add_prefix(self, field_name):
        # The revision every editor button sends is not the column's own.
        return field_name if field_name == "revision" else super().add_prefix(field_name)


class MoveForm(RevisionForm):
    direction = fields.choice(
        _("Direction"),
        [("up", _("Up")), ("down", _("Down"))],
        required_message=_("Select up or down"),
    )


class LinkForm(RevisionForm):
    other = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
    strength = fields.choice(
        _("Strength"), Strength.choices, required=False, widget=forms.HiddenInput
    )


class OrderForm(RevisionForm):
    keep_order = fields.choice(
        _("Order of the boxes in the drawing"),
        [
            ("", _("The order that crosses the fewest lines")),
            ("keep", _("The order of the lists below")),
        ],
        required=False,
    )


class ShareForm(forms.Form):
    shared = fields.choice(
        _("Share this diagram as a template"),
        [
            ("yes", _("Yes: everyone signed in can see and copy it")),
            ("no", _("No: only you can see it")),
        ],
        required_message=_("Select whether to share it"),
    )
