from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from sakrad.roles import holds_staff_role

from .mail import OurAccountEmails


class InvitationOnlyAccountAdapter(OurAccountEmails, DefaultAccountAdapter):
    """Accounts come from accepted invitations and from staff, never from a public sign-up form. Its
    e-mails are ours (accounts/mail.py)."""

    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        """Where a login lands when no ?next= says otherwise (password, e-mailed code or the login link
        of an invitation, after the second factor when there is one): staff in the admin, where they
        work; everyone else on their own page, where their consultations and groups are. The front
        page would leave a participant who came by code to find their group with no way on."""
        if holds_staff_role(request.user):
            return reverse("wagtailadmin_home")
        return reverse("accounts:my_page")
