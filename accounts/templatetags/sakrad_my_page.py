"""Renders one section of a participant's own page (accounts/my_page.py) in account/my_page.html."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def my_page_section(context, shown):
    """The section's template with its own context on top of the page's (request, language), as
    `{% include %}` would; include cannot take a whole dict as its context."""
    section = context.template.engine.get_template(shown.template)
    with context.push(shown.context):
        return section.render(context)
