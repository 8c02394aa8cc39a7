"""What anonymous readers get from the shared cache, and that a change shows at once."""

import gzip

from django.test import Client
from wagtail.models import Page

from organisations.models import Person


def url_of(page) -> str:
    return page.relative_url(None)


def test_the_second_reader_gets_the_page_without_a_database_query(public_site, reader,
                                                                    django_assert_num_queries):
    url = url_of(public_site.consultation)
    first = reader.get(url)
    assert first.status_code == 200 and "Talare Tora Tydlig" in first.text
    with django_assert_num_queries(0):
        again = Client().get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert "public" in again["Cache-Control"] and "no-cache" in again["Cache-Control"]
    assert again["Last-Modified"] and again["ETag"]


def test_a_new_revision_is_visible_immediately_after_publishing(public_site, reader):
    url = url_of(public_site.consultation)
    assert "Sakråd om föreningsbidrag" in reader.get(url).text
    page = public_site.consultation.specific
    page.title = "Sakråd om bidrag till föreningar"
    page.save_revision().publish()
    assert "Sakråd om bidrag till föreningar" in reader.get(url).text


def test_an_unpublished_page_is_gone_immediately(public_site, reader):
    url = url_of(public_site.minutes)
    assert reader.get(url).status_code == 200
    Page.objects.get(pk=public_site.minutes.pk).unpublish()
    assert reader.get(url).status_code == 404


def test_a_change_to_something_shown_on_the_page_is_visible_immediately(public_site, reader):
    """A queryset update sends no signal; the cache still notices the write."""
    url = url_of(public_site.consultation)
    assert "Talare Tora Tydlig" in reader.get(url).text
    Person.objects.filter(pk=public_site.speaker.pk).update(name="Talare Tove Tydlig")
    page = reader.get(url).text
    assert "Talare Tove Tydlig" in page and "Talare Tora Tydlig" not in page


def test_a_consultation_cached_yesterday_is_rendered_again_today(public_site, reader, freeze_now, now,
                                                                 django_assert_max_num_queries):
    """Status words (upcoming, held) follow the date without any write."""
    url = url_of(public_site.consultation)
    reader.get(url)
    freeze_now(now.replace(day=now.day + 1))
    with django_assert_max_num_queries(100) as captured:
        assert reader.get(url).status_code == 200
    assert len(captured) > 0


def test_compressed_and_plain_answers_hold_the_same_page(public_site, django_assert_num_queries):
    url = url_of(public_site.minutes)
    plain = Client().get(url)
    zipped = Client().get(url, headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in plain
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert "Accept-Encoding" in zipped["Vary"]
    with django_assert_num_queries(0):
        assert Client().get(url, headers={"Accept-Encoding": "gzip"}).content == zipped.content


def test_an_unchanged_page_is_answered_with_304(public_site, reader):
    url = url_of(public_site.consultation)
    first = reader.get(url)
    by_etag = reader.get(url, headers={"If-None-Match": first["ETag"]})
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = reader.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert by_date.status_code == 304

    Person.objects.filter(pk=public_site.speaker.pk).update(name="Talare Tove Tydlig")
    changed = reader.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and "Talare Tove Tydlig" in changed.text


def test_head_reads_the_stored_page_but_never_stores_one(public_site, reader, django_assert_num_queries):
    """A link checker's HEAD costs no query once the page is stored; a HEAD before any GET is
    rendered (with the GET's headers) but does not stand in for the page."""
    url = url_of(public_site.consultation)
    first_head = reader.head(url)
    assert first_head.status_code == 200 and first_head.content == b""
    assert "public" in first_head["Cache-Control"]
    page = reader.get(url)
    assert "Talare Tora Tydlig" in page.text  # the HEAD stored no empty page
    with django_assert_num_queries(0):
        head = Client().head(url)
    assert head.status_code == 200 and head.content == b""
    assert (head["ETag"], head["Content-Length"]) == (page["ETag"], page["Content-Length"])
    assert Client().head(url, headers={"If-None-Match": page["ETag"]}).status_code == 304


def test_feeds_and_the_calendar_are_shared_too(public_site, reader, django_assert_num_queries):
    for url in ("/protokoll/feed/", "/kalender/sakrad.ics", f"/kalender/{public_site.consultation.pk}.ics"):
        assert reader.get(url).status_code == 200
        with django_assert_num_queries(0):
            assert Client().get(url).status_code == 200


UNREACHABLE_REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                 "LOCATION": "redis://127.0.0.1:9/0"}}


def test_with_the_cache_unreachable_writes_succeed_and_the_probe_answers(public_site, settings):
    """Wagtail itself needs the cache to route pages; what must not fail is saving, and the probe
    that tells the proxy this worker is alive."""
    settings.CACHES = UNREACHABLE_REDIS
    Person.objects.filter(pk=public_site.speaker.pk).update(name="Talare Tove Tydlig")
    assert Person.objects.get(pk=public_site.speaker.pk).name == "Talare Tove Tydlig"
    assert Client().get("/healthz").status_code == 200
