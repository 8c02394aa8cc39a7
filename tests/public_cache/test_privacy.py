"""Nothing personal is shared: logged-in readers, forms and sessions never go through the cache,
and what is not shared tells proxies not to keep it."""

from django.conf import settings
from django.test import Client

from tests.public_cache.test_serving import url_of


def test_a_logged_in_reader_never_gets_the_anonymous_copy(public_site, reader, member):
    url = url_of(public_site.consultation)
    assert "Logga in" in reader.get(url).text
    client = Client()
    client.force_login(member)
    own = client.get(url)
    assert "Logga ut" in own.text and "Logga in" not in own.text
    assert "private" in own["Cache-Control"] and "no-store" in own["Cache-Control"]
    # ...and their page is not handed to the next anonymous reader either.
    assert "Logga ut" not in Client().get(url).text


def test_a_page_with_a_form_is_never_shared(db, reader):
    first = reader.get("/accounts/login/")
    second = Client().get("/accounts/login/")
    for answer in (first, second):
        assert answer.status_code == 200
        assert settings.CSRF_COOKIE_NAME in answer.cookies, "each visitor gets a form token of their own"
        assert "private" in answer["Cache-Control"] and "no-store" in answer["Cache-Control"]


def test_a_visitor_with_a_session_is_answered_afresh(public_site, member, django_assert_max_num_queries):
    url = url_of(public_site.consultation)
    Client().get(url)
    client = Client()
    client.force_login(member)
    client.logout()
    client.cookies[settings.SESSION_COOKIE_NAME] = "left-over-session"
    with django_assert_max_num_queries(100) as captured:
        answer = client.get(url)
    assert answer.status_code == 200 and len(captured) > 0
    assert "private" in answer["Cache-Control"]


def test_a_logged_in_visitor_s_answer_from_no_view_is_private(db, member):
    """A 404 of the URL resolver reaches no view; for someone logged in it still says "keep nothing"."""
    client = Client()
    client.force_login(member)
    answer = client.get("/~finns-inte/")  # no URL pattern, Wagtail's included, matches "~"
    assert answer.status_code == 404
    assert "private" in answer["Cache-Control"] and "no-store" in answer["Cache-Control"]


def test_logins_and_live_notes_leave_the_cache_alone(public_site, member, django_assert_num_queries):
    """A conference's logins and note-taking must not send every reader to the database."""
    url = url_of(public_site.consultation)
    Client().get(url)
    Client().force_login(member)  # writes a session and the account's last login
    with django_assert_num_queries(0):
        assert Client().get(url).status_code == 200


def test_only_shared_answers_may_be_kept_by_the_proxy(public_site, member, settings):
    """nginx keeps an answer only when it carries X-Accel-Expires (deploy/nginx.conf)."""
    settings.SAKRAD_PROXY_CACHE_SECONDS = 1
    url = url_of(public_site.consultation)
    assert Client().get(url)["X-Accel-Expires"] == "1"
    assert Client().get(url)["X-Accel-Expires"] == "1", "and so does the copy from the cache"
    client = Client()
    client.force_login(member)
    assert "X-Accel-Expires" not in client.get(url)
    assert "X-Accel-Expires" not in Client().get("/accounts/login/")
