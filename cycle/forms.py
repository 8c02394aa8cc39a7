from consultations.forms import ThemeYearForm


class CycleThemeForm(ThemeYearForm):
    """The theme filter of the year's page: the year is in the address, so the year field goes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, years=[], **kwargs)
        del self.fields["year"]
