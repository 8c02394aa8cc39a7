"""StreamField blocks in their raw JSON form, as the database stores them."""

import datetime as dt


def heading(text: str) -> dict:
    return {"type": "heading", "value": text}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def bullets(items) -> dict:
    return paragraph("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def agenda_item(time: dt.time, item: str, speakers=(), description: str = "") -> dict:
    value = {
        "time": time.strftime("%H:%M:%S"),
        "item": item,
        "speakers": [person.pk for person in speakers],
        "description": description,
    }
    return {"type": "item", "value": value}


def recording(
    title: str,
    url: str,
    description: str = "",
    *,
    transcript: str = "",
    captioned: bool = False,
    kind="recording",
) -> dict:
    """A recording: it needs captions (at its host) or a transcript to be published."""
    value = {
        "title": title,
        "url": url,
        "description": description,
        "transcript": transcript,
        "captions_at_host": captioned,
    }
    return {"type": kind, "value": value}


def sign_language_video(title: str, url: str, description: str = "", **access) -> dict:
    """A video in Swedish sign language (svenskt teckenspråk), with captions or a transcript too."""
    video = recording(title, url, description, kind="sign_language_video", **access)
    video["value"]["language"] = "swl"
    return video


def sub_questions(texts) -> list[dict]:
    return [{"type": "sub_question", "value": text} for text in texts]
