"""Names of the vetting's audit-log actions; labels and messages are registered in wagtail_hooks.py.
The data holds ids, never the applicant's details nor the reason given."""

JOIN_REQUEST_ACCEPT = "sakrad.join_request_accept"
JOIN_REQUEST_DECLINE = "sakrad.join_request_decline"
