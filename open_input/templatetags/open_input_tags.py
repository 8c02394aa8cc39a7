"""The consultation page's open-input box."""

from django import template

from ..selectors import open_input_period_for

register = template.Library()


@register.inclusion_tag("open_input/includes/callout.html")
def open_input_callout(consultation):
    """The box linking to the form while input is open (one query); nothing otherwise."""
    period = open_input_period_for(consultation=consultation)
    return {"consultation": consultation, "period": period if period and period.is_open() else None}
