"""The import flow through django-import-export: per row new, update or skip (unchanged), and the save.

The rows arrive planned (planning.py): each has the id of the organisation it updates, or none, and the
register's own values already merged in. Two resources share one definition: the preview's reads the
register once and writes nothing (so it costs the same few queries for ten rows or a thousand); the
confirm's saves each row through the model (search index and public cache follow) and checks it whole."""

from __future__ import annotations

from import_export import resources, widgets
from import_export.instance_loaders import BaseInstanceLoader

from organisations.models import Organisation

from .fields import FIELDS

COLUMNS = ("id", *(field.name for field in FIELDS))


class ThemesWidget(widgets.ManyToManyWidget):
    """Theme ids "3,5" → themes, from the themes read once for the whole file."""

    def __init__(self, model, themes_by_pk: dict):
        self.themes_by_pk = themes_by_pk
        super().__init__(model=model, separator=",", field="pk")

    def clean(self, value, row=None, **kwargs):
        return [self.themes_by_pk[int(pk)] for pk in str(value or "").split(",") if pk]


class RegisterLoader(BaseInstanceLoader):
    """The organisation a row updates, from the register the plan read (no query of its own)."""

    def get_instance(self, row):
        return self.resource.organisations.get(int(row["id"])) if row.get("id") else None


class _NoDiff:
    """The per-row diff import-export builds for its own admin, which we do not show."""

    def __init__(self, *args):
        pass

    def compare_with(self, *args):
        pass


class OrganisationResource(resources.ModelResource):
    def __init__(self, *, organisations: list, themes_by_pk: dict, themes_of: dict):
        super().__init__()
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.themes_of = themes_of  # organisation pk → its themes, read once with the register
        if "themes" in self.fields:
            theme_model = Organisation._meta.get_field("themes").related_model
            self.fields["themes"].widget = ThemesWidget(theme_model, themes_by_pk)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged: every field as the register has it. Our own, as import-export's would read the
        themes of each organisation again (a query a row): they were read once with the register."""
        if import_validation_errors:
            return False
        for field in self.get_import_fields():
            if field.attribute == "themes":
                before = self.themes_of.get(original.pk, []) if original.pk else []
                if sorted(theme.pk for theme in before) != sorted(theme.pk for theme in field.clean(row)):
                    return False
            elif field.get_value(instance) != field.get_value(original):
                return False
        return True

    def get_diff_class(self):
        return _NoDiff

    class Meta:
        model = Organisation
        fields = COLUMNS
        import_id_fields = ("id",)
        instance_loader_class = RegisterLoader
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        clean_model_instances = True


class PreviewResource(OrganisationResource):
    """Collects the rows in bulk lists and never writes them; checks each field, not uniqueness (a
    query a row: the plan has compared the names with the register already)."""

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        super().validate_instance(instance, import_validation_errors, validate_unique=False)

    def bulk_create(self, *args, **kwargs):
        self.create_instances.clear()

    def bulk_update(self, *args, **kwargs):
        self.update_instances.clear()

    class Meta(OrganisationResource.Meta):
        use_bulk = True
