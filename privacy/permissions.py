"""Who may erase whom; the view, the user-listing button and the service all ask here."""

ERASE_PERMISSION = "privacy.erase_person"


def can_erase_people(*, user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(ERASE_PERMISSION))


def can_erase_person(*, user, person) -> bool:
    # Nobody erases themselves by mistake, and the permission never reaches above its holder.
    if user.pk == person.pk or not can_erase_people(user=user):
        return False
    return user.is_superuser or not person.is_superuser
