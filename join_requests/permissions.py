"""Who may vet requests to take part: staff who may add organisations to the register (organisers;
staff_roles/groups.py), since accepting one adds it."""

from sakrad.roles import staff_may

VET_PERMISSION = "organisations.add_organisation"


def can_vet_join_requests(*, user) -> bool:
    return staff_may(user=user, permission=VET_PERMISSION)
