"""The public register of what happened next (/uppfoljning/): every published takeaway with its
status, theme, unit and responses; following a takeaway by e-mail; reminders to staff."""
