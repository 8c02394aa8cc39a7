"""Questions to the panel during the plenary: sent from phones, moderated by staff, shown on the
wall, the unanswered followed up."""
