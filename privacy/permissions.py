"""Who may erase whom; the view, the user-listing button and the service all ask here."""

ERASE_PERMISSION = "privacy.erase_person"


def can_erase_people(*, actor) -> bool:
    return actor.is_active and (actor.is_superuser or actor.has_perm(ERASE_PERMISSION))


def can_erase_person(*, actor, user) -> bool:
    # Nobody erases themselves by mistake, and the permission never reaches above its holder.
    if actor.pk == user.pk or not can_erase_people(actor=actor):
        return False
    return actor.is_superuser or not user.is_superuser
