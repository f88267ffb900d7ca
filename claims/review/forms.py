"""Forms of the review workspace. Each carries the claim version the editor saw."""

from __future__ import annotations

from django import forms

from ..events import jsonable
from ..models import NOTE_MAX_LENGTH, Claim, ClaimLink, DismissReason, Kind, Qualifier, Status
from ..readable import ReadableDecimalField, readable_number

_DECIMAL = {"required": False, "max_digits": 30, "decimal_places": 10}
_NUMBER_FIELDS = frozenset({"value", "value_low", "value_high"})


class VersionedForm(forms.Form):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


REASON_CHOICES = [("", "no reason given"), *DismissReason.choices]


class TransitionForm(VersionedForm):
    to = forms.ChoiceField(choices=Status.choices)
    note = forms.CharField(
        required=False, max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}), label="Verdict note"
    )
    reason = forms.ChoiceField(choices=REASON_CHOICES, required=False, label="Reason for dismissing")

    def reason_for(self, to: str) -> str:
        """The reason goes with a dismissal only: the select stays on the form for every button."""
        return self.cleaned_data["reason"] if to == Status.DISMISSED else ""


class PlacesField(forms.CharField):
    """Places as a comma-separated line."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [place.strip() for place in text.split(",") if place.strip()]


class ClaimFieldsForm(VersionedForm):
    """The structured fields an editor may correct (claims.models.EDITABLE_FIELDS).

    Each field also posts the value the editor saw (a hidden initial), so `changes()` holds only what
    the editor changed: a value they did not touch is never written back, whatever happened meanwhile.
    """

    value = ReadableDecimalField(**_DECIMAL)
    value_low = ReadableDecimalField(label="Low", **_DECIMAL)
    value_high = ReadableDecimalField(label="High", **_DECIMAL)
    qualifier = forms.ChoiceField(choices=Qualifier.choices)
    unit = forms.CharField(required=False, max_length=64)
    kind = forms.ChoiceField(choices=Kind.choices)
    time_text = forms.CharField(required=False, max_length=200, label="Time")
    period_start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    compared_to = forms.CharField(required=False, max_length=300, label="Compared to")
    compared_period_start = forms.DateField(
        required=False, label="Baseline from", widget=forms.DateInput(attrs={"type": "date"})
    )
    compared_period_end = forms.DateField(
        required=False, label="Baseline to", widget=forms.DateInput(attrs={"type": "date"})
    )
    places = PlacesField(required=False, help_text="Comma-separated")
    attribution = forms.CharField(required=False, max_length=300)
    label = forms.CharField(required=False, max_length=300)

    @classmethod
    def for_claim(cls, claim: Claim, data=None) -> ClaimFieldsForm:
        # 2000.0000000000 reads as 2000; jsonable() normalises decimals the way events store them.
        initial = {name: jsonable(getattr(claim, name)) for name in cls.editable_names()}
        return cls(data, initial=initial | {"version": claim.version})

    @classmethod
    def editable_names(cls) -> list[str]:
        return [name for name in cls.base_fields if name != "version"]

    def clean(self):
        data = super().clean()
        low, high = data.get("value_low"), data.get("value_high")
        if low is not None and high is not None and low > high:
            self.add_error("value_high", "The high end must not be below the low end.")
        for first, last in (("period_start", "period_end"), ("compared_period_start", "compared_period_end")):
            start, end = data.get(first), data.get(last)
            if start is not None and end is not None and start > end:
                self.add_error(last, "The period must not end before it starts.")
        return data

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.editable_names():
            self.fields[name].show_hidden_initial = True

    def changes(self) -> dict:
        """The fields the editor changed from what the page showed them."""
        return {name: self.cleaned_data[name] for name in self.editable_names() if name in self.changed_data}

    def rows(self, claim: Claim) -> list[dict]:
        """Each field beside what the extractor proposed, and whether an editor changed it."""
        edited = set(claim.edited_by_editor)
        rows = []
        for name in self.editable_names():
            current = getattr(claim, name)
            proposed = claim.extracted.get(name) if isinstance(claim.extracted, dict) else None
            if isinstance(proposed, list):
                proposed = ", ".join(str(p) for p in proposed)
            elif name in _NUMBER_FIELDS:
                proposed = readable_number(proposed)
            rows.append(
                {
                    "field": self[name],
                    "proposed": "" if proposed in (None, "") else proposed,
                    "has_proposal": name in (claim.extracted or {}),
                    "edited": name in edited,
                    "current": readable_number(current) if name in _NUMBER_FIELDS else jsonable(current),
                }
            )
        return rows


class AssignForm(VersionedForm):
    assignee = forms.IntegerField(required=False, help_text="Empty to unassign")


class NoteForm(forms.Form):
    text = forms.CharField(max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}), label="Note")
    evidence_url = forms.URLField(required=False, max_length=2000, label="Evidence URL", assume_scheme="https")


class LinkForm(forms.Form):
    other = forms.IntegerField(label="Claim", error_messages={"required": "Pick a claim to link to."})
    relation = forms.ChoiceField(choices=ClaimLink.Relation.choices, initial=ClaimLink.Relation.SAME)


class IdsField(forms.Field):
    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        try:
            return sorted({int(item) for item in value or []})
        except (TypeError, ValueError):
            raise forms.ValidationError("Claim ids must be numbers.") from None


def action_name(status: str) -> str:
    """A status as the bulk menu offers it: "mark verified", "dismiss", "put in review"."""
    named = {Status.DISMISSED: "dismiss", Status.IN_REVIEW: "put in review", Status.NEW: "restore to the queue"}
    return named.get(status, f"mark {Status(status).label.lower()}")


class BulkForm(forms.Form):
    """One action on the ticked queue rows (each also posts the version it showed, v<id>), or on every
    claim the queue's filters match (`all_matching`, applied once `confirmed` with the `count` shown)."""

    ids = IdsField(required=False)
    all_matching = forms.BooleanField(required=False)
    confirmed = forms.BooleanField(required=False)
    count = forms.IntegerField(required=False, min_value=0)
    action = forms.RegexField(
        regex=r"^(status:[a-z_]+|assign:(\d+|none))$", error_messages={"required": "Choose what to do."}
    )
    note = forms.CharField(required=False, max_length=NOTE_MAX_LENGTH, label="Verdict note")
    reason = forms.ChoiceField(choices=REASON_CHOICES, required=False, label="Reason for dismissing")


class LinkDecisionForm(forms.Form):
    """Confirm or reject a suggestion; `seen` is the state the editor decided on (suggested)."""

    state = forms.ChoiceField(choices=[(s, s) for s in (ClaimLink.State.CONFIRMED, ClaimLink.State.REJECTED)])
    seen = forms.ChoiceField(choices=ClaimLink.State.choices, widget=forms.HiddenInput)


class GroupTransitionForm(forms.Form):
    """One verdict for a whole fact group; each member posts the version it showed (v<id>)."""

    to = forms.ChoiceField(choices=Status.choices, label="Status")
    note = forms.CharField(
        required=False, max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}), label="Verdict note"
    )

    def clean(self):
        data = super().clean()
        versions = {}
        for key, value in self.data.items():
            if key[:1] == "v" and key[1:].isdigit():
                try:
                    versions[int(key[1:])] = int(value)
                except ValueError:
                    raise forms.ValidationError(f"The version of claim #{key[1:]} is not a number.") from None
        if not versions:
            raise forms.ValidationError("The versions of the group's claims are missing; reload the page.")
        data["versions"] = versions
        return data


class AdoptVerdictForm(VersionedForm):
    """Take the verdict of a claim already checked as the same fact; `seen_status` is its verdict as shown."""

    source = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    seen_status = forms.ChoiceField(choices=Status.choices, widget=forms.HiddenInput)
