"""Attendees check the draft minutes: a review window, suggested corrections, staff accept or decline."""
