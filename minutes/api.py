"""How the open-data API (sakrad/api.py) writes a minutes page's follow-ups: they are rows of their own,
not part of the page's revisions, so Wagtail's child-relation serialiser does not know them."""

from rest_framework import serializers


class FollowUpsField(serializers.Field):
    """A list like Wagtail's child relations: id, meta type, date, text and the takeaways it answers."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        # Not at the top: Wagtail's API serialisers read the models when imported, and the page model
        # (minutes/models/page.py) imports this module while the models are still loading.
        from wagtail.api.v2.serializers import RichTextFieldSerializer

        text = RichTextFieldSerializer()
        text.bind("text", self.parent)
        rows = page.follow_ups.all()
        return [
            {
                "id": follow_up.pk,
                "meta": {"type": "minutes.FollowUp"},
                "date": follow_up.date.isoformat(),
                "text": text.to_representation(follow_up.text),
                "answers": [takeaway.pk for takeaway in follow_up.answers.all()],
            }
            for follow_up in sorted(rows, key=lambda row: (row.sort_order or 0, row.date, row.pk))
        ]
