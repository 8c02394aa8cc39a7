"""The ASGI front sends stored pages without entering Django, and only those."""

import gzip

import pytest
from asgiref.sync import async_to_sync
from channels.testing import HttpCommunicator
from django.test import Client

from organisations.models import Person
from public_cache.asgi import PublicCacheFront
from tests.public_cache.test_serving import url_of


class Django:
    """Stands in for Django behind the front: answers 599 and counts the requests it gets."""

    def __init__(self):
        self.requests = 0

    async def __call__(self, scope, receive, send):
        self.requests += 1
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": b""})


@pytest.fixture
def behind():
    return Django()


def through_front(behind, path: str, method: str = "GET", **headers: str) -> dict:
    wire = [(name.replace("_", "-").encode(), value.encode()) for name, value in headers.items()]
    communicator = HttpCommunicator(PublicCacheFront(behind), method, path, headers=wire)
    return async_to_sync(communicator.get_response)()


def header(answer: dict, name: str) -> str | None:
    found = {key.decode().lower(): value.decode() for key, value in answer["headers"]}
    return found.get(name.lower())


def stored_by_django(path: str, **headers) -> None:
    """Django answers once (its middleware stores the answer); nothing is sent through the front yet."""
    assert Client(headers=headers).get(path).status_code == 200


def test_a_stored_page_goes_out_without_django(public_site, behind):
    url = url_of(public_site.minutes)
    stored_by_django(url, Accept_Encoding="gzip", Host="testserver")
    page = Client().get(url, headers={"Accept-Encoding": "gzip"})
    answer = through_front(behind, url, host="testserver", accept_encoding="gzip")
    assert behind.requests == 0
    assert answer["status"] == 200
    assert gzip.decompress(answer["body"]) == gzip.decompress(page.content)
    assert "frame-ancestors 'none'" in header(answer, "Content-Security-Policy")
    assert header(answer, "X-Content-Type-Options") == "nosniff"
    assert header(answer, "Content-Length") == str(len(answer["body"]))
    assert len(header(answer, "X-Request-ID")) == 32


def test_a_head_gets_the_stored_headers_without_the_body(public_site, behind):
    url = url_of(public_site.minutes)
    stored_by_django(url, Host="testserver")
    page = through_front(behind, url, host="testserver")
    answer = through_front(behind, url, method="HEAD", host="testserver")
    assert (answer["status"], answer["body"], behind.requests) == (200, b"", 0)
    assert header(answer, "Content-Length") == str(len(page["body"]))
    assert header(answer, "ETag") == header(page, "ETag")


def test_the_proxys_request_id_is_kept(public_site, behind):
    url = url_of(public_site.minutes)
    stored_by_django(url, Host="testserver")
    answer = through_front(behind, url, host="testserver", x_request_id="nginx-4711")
    assert header(answer, "X-Request-ID") == "nginx-4711"


def test_an_unchanged_page_is_answered_with_304(public_site, behind):
    url = url_of(public_site.minutes)
    stored_by_django(url, Host="testserver")
    etag = header(through_front(behind, url, host="testserver"), "ETag")
    answer = through_front(behind, url, host="testserver", if_none_match=etag)
    assert (answer["status"], answer["body"], behind.requests) == (304, b"", 0)


@pytest.mark.parametrize(
    "asked",
    [
        {"cookie": "sessionid=abc"},  # perhaps logged in
        {"cookie": "messages=abc"},  # a message waits for this visitor
        {"host": "other.example.org"},  # Django never answered this host
        {"accept_encoding": "identity"},  # another variant, not stored yet
    ],
    ids=["session", "messages", "other-host", "other-encoding"],
)
def test_anything_not_stored_for_exactly_this_request_goes_to_django(public_site, behind, asked):
    url = url_of(public_site.minutes)
    stored_by_django(url, Accept_Encoding="gzip", Host="testserver")
    through_front(behind, url, **{"host": "testserver", "accept_encoding": "gzip", **asked})
    assert behind.requests == 1


def test_a_query_in_raw_utf_8_is_read_as_django_reads_it(public_site, behind):
    """Browsers may send "é" unescaped: the front must take it for the query Django stored as é,
    never for another one whose escaped bytes spell the same characters in Latin-1."""
    stored_by_django("/sok/?q=%C3%83%C2%A9", Host="testserver")  # "Ã©"
    through_front(behind, "/sok/?q=é", host="testserver")
    assert behind.requests == 1
    stored_by_django("/sok/?q=%C3%A9", Host="testserver")  # "é"
    answer = through_front(behind, "/sok/?q=é", host="testserver")
    assert (answer["status"], behind.requests) == (200, 1)


def test_a_post_goes_to_django(public_site, behind):
    url = url_of(public_site.minutes)
    stored_by_django(url, Host="testserver")
    through_front(behind, url, method="POST", host="testserver")
    assert behind.requests == 1


def test_after_a_write_the_page_goes_to_django_again(public_site, behind):
    url = url_of(public_site.consultation)
    stored_by_django(url, Host="testserver")
    Person.objects.filter(pk=public_site.speaker.pk).update(name="Talare Tove Tydlig")
    through_front(behind, url, host="testserver")
    assert behind.requests == 1
