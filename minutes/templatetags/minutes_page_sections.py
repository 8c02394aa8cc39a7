"""The sections other apps add to the minutes page (minutes/page_sections.py)."""

from django import template

from ..page_sections import minutes_page_sections

register = template.Library()


@register.simple_tag
def page_sections(page, consultation) -> list:
    return minutes_page_sections(page=page, consultation=consultation)
