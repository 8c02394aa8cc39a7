from sakrad.page_forms import AsciiSlugPageForm

from .extensions import editor_fields_set_up
from .validation import DUPLICATE_QUESTION_NUMBERS


class ConsultationPageForm(AsciiSlugPageForm):
    """The admin form validates the page before its question rows are attached to it, so the
    rule that question numbers are unique is checked here, on the submitted rows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fields that apps above fill in, such as the carry-over offer (cycle/consultation_extensions.py).
        editor_fields_set_up(self, consultation=self.instance)

    def clean(self):
        cleaned_data = super().clean()
        questions = self.formsets.get("questions")
        if questions is not None and questions.is_valid():
            numbers = [
                form.cleaned_data.get("number")
                for form in questions.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            numbers = [number for number in numbers if number is not None]
            if len(numbers) != len(set(numbers)):
                self.add_error(None, DUPLICATE_QUESTION_NUMBERS)
        return cleaned_data
