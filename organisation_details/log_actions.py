"""Names of the audit-log actions in an organisation's history; labels and lines in wagtail_hooks.py."""

DETAILS_UPDATE = "sakrad.organisation_details_update"
EMAIL_CHANGE_REQUEST = "sakrad.organisation_email_change_request"
EMAIL_CHANGE_CONFIRM = "sakrad.organisation_email_change_confirm"
LINK_SEND = "sakrad.organisation_link_send"
