"""Two gaps in WeasyPrint's (68) tagged PDF, mended: the language of parts, and elements that cross a
page break.

WeasyPrint tags headings, lists, tables and paragraphs from the HTML and sets the document's /Lang
from <html lang>, but drops the `lang` of the elements inside it: the English PDF of Swedish minutes
is mostly Swedish text (`content_lang` marks it), which a screen reader would then read with English
pronunciation. And it builds the structure tree page by page, so a list or section that crosses a
page break or is set in columns becomes two (Kozea/WeasyPrint#2903): "list, 5 items", then "list,
3 items".

So WeasyPrint's tree builder is wrapped to note which HTML element each structure element comes from
and its `lang`; after the PDF is built (`finish`, WeasyPrint's finisher hook), the fragments of one
element on consecutive pages or columns are joined into one (ISO 32000-1, 14.7.4: an element's
content may lie on several pages), a list item's text gets its LBody, and a /Lang that only repeats
the surrounding language is dropped. If a WeasyPrint upgrade renames the builder, the PDF is still
made and tagged, and tests/reading/test_pdf_structure.py fails.
"""

from __future__ import annotations

import logging

import pydyf
from weasyprint import HTML, URLFetcher
from weasyprint.pdf import tags

logger = logging.getLogger(__name__)


def _with_sources(build):

    def build_with_sources(box, *args, **kwargs):
        for element in build(box, *args, **kwargs):
            if hasattr(element, "sakrad_source"):
                yield element  # made by a nested call (html, body and the page pass their kids on)
                continue
            node = getattr(getattr(box, "_box", box), "element", None)  # an absolute box's placeholder
            element.sakrad_source = node
            lang = node.get("lang") if node is not None else None
            if lang:
                element["Lang"] = pydyf.String(lang)
            yield element

    build_with_sources.sakrad_sources = True
    return build_with_sources


def tag_sources() -> None:
    """Once per process: the builder calls itself by its module name, so nested parts are noted too."""

    build = getattr(tags, "_build_box_tree", None)
    if build is None:
        logger.warning(
            "WeasyPrint has no _build_box_tree: PDF parts keep no language, page fragments stay apart"
        )
        return
    if not getattr(build, "sakrad_sources", False):
        tags._build_box_tree = _with_sources(build)


def _object(pdf, reference):
    return pdf.objects[int(reference.split()[0])] if isinstance(reference, bytes) else None


def _same(element, other) -> bool:
    source = getattr(element, "sakrad_source", None)
    return (
        source is not None
        and getattr(other, "sakrad_source", None) is source
        and element.get("S") == other.get("S")
    )


def _move_parts(pdf, parts, page, into, target) -> None:
    """Append `parts` (kids of an element on `page`) to `target`, the kids of `into`."""

    for part in parts:
        if isinstance(part, int):  # marked content, on the page of the element it leaves
            part = pydyf.Dictionary({"Type": "/MCR", "Pg": page, "MCID": part})
        elif isinstance(child := _object(pdf, part), pydyf.Dictionary) and "S" in child:
            child["P"] = into.reference
        target.append(part)


def _join_fragments(pdf, element, moved: dict) -> None:
    """Fold each kid that is a fragment of the element itself (a column of a list set in columns: the
    participating organisations) or of the kid before it (the rest of a list on the next page)."""

    kept = pydyf.Array()
    for reference in element["K"]:
        kid, last = _object(pdf, reference), _object(pdf, kept[-1]) if kept else None
        if not isinstance(kid, pydyf.Dictionary):
            kept.append(reference)
        elif _same(kid, element):
            _move_parts(pdf, kid["K"], kid["Pg"], element, kept)
            moved[kid.reference] = element.reference
        elif isinstance(last, pydyf.Dictionary) and _same(kid, last):
            _move_parts(pdf, kid["K"], kid["Pg"], last, last["K"])
            moved[kid.reference] = last.reference
        else:
            kept.append(reference)
    element["K"] = kept


def _role(pdf, part) -> str | None:
    kid = _object(pdf, part)
    return kid.get("S") if isinstance(kid, dict) else None


def _wrap_item_body(pdf, item) -> None:
    """An LI holds a label and a body (ISO 32000-1, 14.8.4.3.3); WeasyPrint puts an item's text straight
    in the LI when the item holds no block of its own (<li>text</li>)."""

    loose = [part for part in item["K"] if _role(pdf, part) not in ("/Lbl", "/LBody")]
    if not loose:
        return
    body = pydyf.Dictionary(
        {"Type": "/StructElem", "S": "/LBody", "K": pydyf.Array(), "Pg": item["Pg"], "P": item.reference}
    )
    pdf.add_object(body)
    _move_parts(pdf, loose, item["Pg"], body, body["K"])
    item["K"] = pydyf.Array([*(part for part in item["K"] if part not in loose), body.reference])


def _language(element) -> str | None:
    lang = element.get("Lang")
    return getattr(lang, "string", lang)


def _mend(pdf, element, language: str | None, moved: dict) -> None:
    _join_fragments(pdf, element, moved)
    if element.get("S") == "/LI":
        _wrap_item_body(pdf, element)
    if _language(element) == language:
        del element["Lang"]
    language = _language(element) or language
    for reference in element["K"]:
        kid = _object(pdf, reference)
        if isinstance(kid, dict) and "S" in kid:
            _mend(pdf, kid, language, moved)


def finish(document, pdf) -> None:
    """WeasyPrint's finisher: join page fragments, drop repeated languages, repoint the parent tree."""
    root = _object(pdf, pdf.catalog.get("StructTreeRoot"))
    if root is None:
        return
    moved: dict[bytes, bytes] = {}
    for reference in root["K"]:
        _mend(pdf, _object(pdf, reference), _language(pdf.catalog), moved)
    # The parent tree maps each piece of marked content to the element holding it, now the joined one.
    for fragment, joined in moved.items():
        while joined in moved:
            joined = moved[joined]
        moved[fragment] = joined
    nums = _object(pdf, root["ParentTree"])["Nums"]
    for position, entry in enumerate(nums):
        if isinstance(entry, list):
            entry[:] = [moved.get(reference, reference) for reference in entry]
        elif entry in moved:
            nums[position] = moved[entry]


def tagged_pdf(*, html: str, base_url: str, pdf_variant: str) -> bytes:
    """The PDF of `html`, fetching nothing (data: URLs only), tagged and mended as above."""
    tag_sources()
    fetcher = URLFetcher(allowed_protocols=["data"])
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
        pdf_variant=pdf_variant, finisher=finish
    )
