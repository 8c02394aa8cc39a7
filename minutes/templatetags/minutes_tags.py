"""The minutes' question records show their takeaways from the page's one record of them."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def question_takeaways(context, number) -> list:
    """(number in the list of takeaways, takeaway) for the question record `number`, from the
    `takeaways_by_question` that minutes/reading.py puts in the page's (and the PDF's) context."""
    return (context.get("takeaways_by_question") or {}).get(number, [])
