"""What the header shows a logged-in person (templates/includes/account_link.html)."""

from django import template

from sakrad.roles import holds_staff_role

register = template.Library()


@register.filter
def staff_role(user) -> bool:
    """Staff by role, whether or not their second factor is set up yet: the admin link then leads
    them to set it up (sakrad.middleware.StaffSecondFactorMiddleware). The permission read is the one
    Wagtail's user bar makes on the same page, kept on the user object, so it costs no query of its own."""
    return holds_staff_role(user)
