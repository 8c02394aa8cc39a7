"""What anonymous readers get from the shared cache, and that a change shows at once."""

import datetime as dt
import gzip
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from consultations.status_changes import next_status_change
from organisations.models import Person
from public_cache import generation
from public_cache.expiry import seconds_to_keep
from tests.factories import ConsultationPageFactory


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


def test_a_status_changing_during_the_day_is_not_kept_past_that_moment(public_site, reader):
    """Registration opening at 10:00 shows at 10:00, not at the next write or at midnight. (The real
    clock: the cache's own expiry is what is tested.)"""
    coming = ConsultationPageFactory(
        parent=public_site.consultation.get_parent(), title="Sakråd om lokaler",
        registration_opens=timezone.now() + dt.timedelta(seconds=2),
    )
    url = url_of(coming)
    assert "badge--planned" in reader.get(url).text
    assert "badge--planned" in Client().get(url).text  # stored meanwhile
    time.sleep(2.2)
    assert "badge--registration_open" in Client().get(url).text


def test_the_next_status_change_is_the_first_moment_left_today(index, freeze_now, now):
    noon = freeze_now(now.replace(hour=12, minute=0, second=0, microsecond=0))
    assert next_status_change() is None and seconds_to_keep() == 3600
    ConsultationPageFactory(parent=index, date=noon.date(), start_time=dt.time(9), end_time=dt.time(16))
    ConsultationPageFactory(parent=index, registration_opens=noon + dt.timedelta(minutes=30))
    ConsultationPageFactory(parent=index, rsvp_deadline=noon + dt.timedelta(minutes=20))
    ConsultationPageFactory(parent=index, rsvp_deadline=noon - dt.timedelta(minutes=5))  # passed
    ConsultationPageFactory(parent=index, registration_opens=noon + dt.timedelta(days=1))  # tomorrow
    draft = noon + dt.timedelta(minutes=1)
    ConsultationPageFactory(parent=index, rsvp_deadline=draft, publish=False)
    assert next_status_change() == noon + dt.timedelta(minutes=20)
    assert seconds_to_keep() == 20 * 60


def test_if_modified_since_alone_gets_the_new_day_s_page(public_site, reader, freeze_now, now):
    """Last-Modified is when the answer was rendered: a page that changed with the date, with no
    write, is not "not modified" for a client that only sends If-Modified-Since."""
    url = url_of(public_site.consultation)
    first = reader.get(url)
    freeze_now(now + dt.timedelta(days=1))
    time.sleep(1.1)  # Last-Modified counts whole seconds
    assert Client().get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 200


def test_a_revalidation_after_a_write_stores_the_page_for_the_next_reader(public_site, reader,
                                                                           django_assert_num_queries):
    """nginx revalidates with If-None-Match: its 304 must not leave the cache empty, or every reader
    after a write (any write) would be rendered afresh."""
    url = url_of(public_site.consultation)
    etag = reader.get(url)["ETag"]
    Person.objects.create(name="Någon annan")  # unrelated to the page, but a write
    revalidated = Client().get(url, headers={"If-None-Match": etag})
    assert revalidated.status_code == 304 and "public" in revalidated["Cache-Control"]
    with django_assert_num_queries(0):
        assert Client().get(url).status_code == 200


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


@pytest.mark.django_db
def test_a_bump_owed_while_redis_is_away_is_kept_as_a_job_and_paid_once_it_is_back(settings, monkeypatch):
    """A cron process that publishes while Redis is away exits with the bump owed: with stored jobs
    the job worker pays it once Redis answers, so the change shows within seconds, not an hour."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    owed = DBTaskResult.objects.filter(task_path="public_cache.generation.generation_bump_task")
    before = cache.get(generation.KEY)
    monkeypatch.setattr(generation, "_debt_queued", False)  # no outage before this one in this process
    settings.CACHES = UNREACHABLE_REDIS
    assert generation.generation_bump() is False
    assert generation.generation_bump() is False  # a second write in the same outage
    [job] = owed  # one job for the whole outage
    assert job.run_after > timezone.now()  # tried again in a few seconds, not at once

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert job.task.call() is True  # what the job worker runs
    assert cache.get(generation.KEY) not in (None, before)
    assert owed.count() == 1  # paid: no next try queued
