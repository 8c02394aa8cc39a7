from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Person


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "county"]
    list_filter = ["kind", "county"]
    search_fields = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "title", "affiliation"]
    search_fields = ["name"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PersonViewSet)
    menu_icon = "group"
    menu_label = _("Directory")
    menu_name = "directory"


register_snippet(DirectoryViewSetGroup)
