from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Accounts come from accepted invitations and from staff, never from a public sign-up form."""

    def is_open_for_signup(self, request):
        return False
