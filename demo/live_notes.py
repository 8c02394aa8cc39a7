"""Points written into a group's notes the way a browser would: one Yjs update, appended to the log."""

import uuid

from pycrdt import Map, Text

from notes.schema import points_array
from notes.services import note_document_load, note_update_append


def note_points_add(*, group, points) -> int:
    """Appends (question number, text, takeaway) points after those the group has; returns how many.
    No author: nobody typed them."""
    # Built on the stored document, so the new points land after the existing ones.
    doc, _seq = note_document_load(group_id=group.pk)
    before = doc.get_state()
    array = points_array(doc)
    with doc.transaction():
        for question, text, takeaway in points:
            # The shape notes/schema.py reads; random ids, like those the browser makes.
            array.append(
                Map({"id": str(uuid.uuid4()), "question": question, "text": Text(text), "takeaway": takeaway})
            )
    note_update_append(group_id=group.pk, update=doc.get_update(before), author_id=None)
    return len(points)
