"""The annual cycle of consultations: the year's page and the public calendar (ICS)."""
