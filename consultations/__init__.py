"""Consultations (sakråd) and larger events: the public pages, their agenda, speakers and questions."""
