"""The steps of erasing a person, each driven by the inventory where it can be; person_erase runs them."""

from importlib import import_module

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.crypto import salted_hmac
from wagtail.models import ModelLogEntry

from organisations.models import ContactEmailChange, ContactLink, Organisation

from .inventory import Action, user_relations


def pseudonym_for(*, user) -> str:
    # Keyed on the id, never the email: a hash of an address can be reversed by guessing addresses.
    # Stored data, not UI text, so it is not translated and reads the same in every language.
    digest = salted_hmac("sakrad.privacy.pseudonym", str(user.pk)).hexdigest()[:8]
    return f"Deltagare {digest}"


def pseudonymous_email(*, user) -> str:
    return f"erased-{user.pk}@invalid"  # .invalid never resolves (RFC 2606): nothing can be sent


def owned_rows_delete(*, user) -> dict[str, int]:
    """Deletes the rows that exist only for this person (ERASE relations), files included."""
    deleted = {}
    for entry, field in user_relations():
        if entry.action != Action.ERASE:
            continue
        rows = field.model._base_manager.filter(**{field.name: user})
        files = [f for f in field.model._meta.concrete_fields if isinstance(f, models.FileField)]
        for row in rows:
            for file_field in files:
                getattr(row, file_field.attname).delete(save=False)
        count, _ = rows.delete()
        if count:
            deleted[entry.model] = deleted.get(entry.model, 0) + count
    return deleted


def kept_rows_lost_on_delete(*, user) -> list[str]:
    """Kept records that deleting the account row would take with it (CASCADE): erase must not."""
    return [
        entry.model
        for entry, field in user_relations()
        if entry.action == Action.KEEP
        and field.remote_field.on_delete is models.CASCADE
        and field.model._base_manager.filter(**{field.name: user}).exists()
    ]


def sessions_delete(*, user) -> int:
    # Sessions are opaque blobs, so finding a person's means decoding them all; erasure is rare.
    # Engines without a table (cache) are covered by the unusable password, which ends any session.
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0
    keys = [
        session.session_key
        for session in store_class.get_model_class().objects.iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    for key in keys:
        store_class().delete(key)
    return len(keys)


def log_labels_pseudonymise(*, user, pseudonym: str) -> None:
    """Audit entries about the account carry its name as their label; the entries stay, the name goes."""
    content_type = ContentType.objects.get_for_model(user, for_concrete_model=False)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(user.pk)).update(label=pseudonym)
    LogEntry.objects.filter(content_type=content_type, object_id=str(user.pk)).update(object_repr=pseudonym)


def contact_email_remove(*, email: str) -> int:
    """Drops the address from every organisation's invitation contacts; returns how many changed."""
    changed = 0
    for organisation in Organisation.objects.filter(contact_emails__icontains=email):
        kept = [line for line in organisation.contact_email_list if line.lower() != email.lower()]
        if kept != organisation.contact_email_list:
            organisation.contact_emails = "\n".join(kept)
            organisation.save(update_fields=["contact_emails"])
            changed += 1
    # The contact person who keeps an organisation's details (docs/organisations.md): name and address.
    contact_person = Organisation.objects.filter(contact_email__iexact=email)
    changed += contact_person.update(contact_name="", contact_email="")
    ContactEmailChange.objects.filter(email__iexact=email).delete()
    ContactLink.objects.filter(email__iexact=email).delete()
    return changed
