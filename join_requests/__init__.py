"""New organisations asking to take part (intresseanmälan): the public form, its confirmation by
e-mail, staff vetting in the admin (accept creates the organisation, decline tells why) and the
erasure of requests that were never accepted."""
