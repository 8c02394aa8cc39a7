"""The anonymous evaluation every attendee gets after a consultation, and its results per consultation
and per year."""
