"""What the admin's page editor posts, for the pages these tests edit."""

from __future__ import annotations

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def standard_page_form(page, **changes) -> dict:
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": page.introduction,
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)
