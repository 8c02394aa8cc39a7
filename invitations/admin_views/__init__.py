"""The organisers' invitation screens in the Wagtail admin, one consultation at a time.

Views only read through selectors and change through `invitations.services`; who may open them is
decided by `invitations.permissions.can_manage_invitations` (see base.ConsultationAdminMixin).
"""
