"""People who log in: participants, organisers and approvers, and every way they log in (allauth)."""
