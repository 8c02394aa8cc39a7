"""Reads for a person's data export: each section holds only rows linked to that one person."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q
from wagtail.models import Comment
from wagtail.users.models import UserProfile

from invitations.models import Attendee, Invitation
from organisations.models import Organisation

from .inventory import user_relations


def account_data(*, user) -> dict:
    return {
        "id": user.pk,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": user.is_active,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def organisation_data(*, user) -> dict | None:
    organisation = user.organisation
    if organisation is None:
        return None
    return {
        "name": organisation.name,
        "kind": organisation.get_kind_display(),
        "county": organisation.get_county_display(),
        "website": organisation.website,
    }


def contact_listings(*, user) -> list[str]:
    """Organisations that list the person's address among their invitation contacts, or whose details
    they keep as the contact person."""
    candidates = Organisation.objects.filter(
        Q(contact_emails__icontains=user.email) | Q(contact_email__iexact=user.email)
    )
    email = user.email.lower()
    return [
        o.name
        for o in candidates
        if o.contact_email.lower() == email or email in (line.lower() for line in o.contact_email_list)
    ]


def email_addresses(*, user) -> list[dict]:
    rows = EmailAddress.objects.filter(user=user).order_by("email")
    return [{"email": row.email, "verified": row.verified, "primary": row.primary} for row in rows]


def mfa_authenticators(*, user) -> list[dict]:
    # Only the kind and dates: `data` holds the secrets that make the second factor worth having.
    rows = Authenticator.objects.filter(user=user).order_by("created_at")
    return [
        {"type": row.get_type_display(), "created_at": row.created_at, "last_used_at": row.last_used_at}
        for row in rows
    ]


def invitations(*, user) -> list[dict]:
    if user.organisation_id is None:
        return []
    rows = (
        Invitation.objects.filter(organisation_id=user.organisation_id)
        .select_related("consultation")
        .order_by("consultation__date")
    )
    return [
        {
            "consultation": row.consultation.title,
            "date": row.consultation.date,
            "url": row.consultation.full_url,
            "status": row.get_status_display(),
        }
        for row in rows
    ]


def attendances(*, user) -> list[dict]:
    # Only rows linked to the account, never rows matched by email: addresses are not verified
    # here, so matching on one would hand someone else's needs to whoever typed their address.
    rows = Attendee.objects.filter(user=user).select_related("consultation").order_by("consultation__date")
    return [
        {
            "consultation": row.consultation.title,
            "date": row.consultation.date,
            "name": row.name,
            "email": row.email,
            "access_needs": row.access_need_labels,
            "access_needs_other": row.access_needs_other,
            "dietary_needs": row.dietary_needs,
            "checked_in_at": row.checked_in_at,
        }
        for row in rows
    ]


def admin_profile(*, user) -> dict | None:
    profile = UserProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    return {
        "preferred_language": profile.preferred_language,
        "current_time_zone": profile.current_time_zone,
        "has_avatar": bool(profile.avatar),
    }


def comments(*, user) -> list[dict]:
    rows = Comment.objects.filter(user=user).select_related("page").order_by("created_at")
    return [{"page": row.page.title, "text": row.text, "created_at": row.created_at} for row in rows]


def linked_records(*, user) -> list[dict]:
    """How many rows of each kind name the person, with why they exist and how long they stay (art. 15)."""
    records = []
    for entry, field in user_relations():
        model = field.model
        count = model._base_manager.filter(**{entry.field: user}).count()
        if count:
            records.append(
                {
                    "model": entry.model,
                    "record": f"{model._meta.verbose_name_plural} ({field.verbose_name})",
                    "count": count,
                    "category": entry.category.value,
                    "purpose": str(entry.purpose),
                    "retention": str(entry.retention),
                }
            )
    return records
