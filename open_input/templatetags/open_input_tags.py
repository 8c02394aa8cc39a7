"""The consultation page's open-input box."""

from django import template

from ..selectors import open_input_period_for, open_input_state

register = template.Library()


@register.inclusion_tag("open_input/includes/callout.html")
def open_input_callout(consultation):
    """The box linking to the form while input is open (two queries: the period, the minutes that
    close it once published); nothing otherwise."""
    period = open_input_period_for(consultation=consultation)
    if period is None:
        return {"consultation": consultation, "period": None}
    return {
        "consultation": consultation,
        "period": period if open_input_state(period=period).is_open else None,
    }
