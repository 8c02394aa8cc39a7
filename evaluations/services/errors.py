"""Why an attendee's answer was not taken; the view says each in words."""


class LinkInvalid(Exception):
    """Forged, mistyped, used, replaced, erased, or of another consultation: indistinguishable on purpose."""


class EvaluationClosed(Exception):
    pass
