"""Staff erase a person from the Wagtail admin: /admin/privacy/erase/<user_id>/."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sakrad.admin_guard import AdminGuardMixin

from .forms import PersonEraseForm
from .permissions import can_erase_people, can_erase_person
from .services import person_erase


class PersonEraseView(AdminGuardMixin, WagtailAdminTemplateMixin, FormView):
    form_class = PersonEraseForm
    template_name = "privacy/admin/person_erase.html"
    page_title = gettext_lazy("Erase personal data")
    header_icon = "user"

    def allowed(self, request, **kwargs):
        # Asked before the lookup too, so that 403 versus 404 does not tell who has an account.
        if not can_erase_people(user=request.user):
            return False
        self.person = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return can_erase_person(user=request.user, person=self.person)

    def get_page_subtitle(self):
        return self.person.get_full_name() or self.person.email

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)

    def form_valid(self, form):
        try:
            result = person_erase(person=self.person, user=self.request.user, mode=form.cleaned_data["mode"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Account %(id)s: personal data erased (%(mode)s).")
            % {"id": result.user_id, "mode": result.mode.label},
        )
        return redirect("wagtailusers_users:index")
