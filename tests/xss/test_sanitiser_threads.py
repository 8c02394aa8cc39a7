"""An ASGI worker renders each request on a thread of its own: the sanitiser must give every thread
the same answer at the same time (a shared parser once failed with "pop from empty list")."""

from concurrent.futures import ThreadPoolExecutor

from sakrad.sanitiser import html_sanitise

TAKEAWAYS = "".join(
    f"<ul><li><p>Punkt {n} om <strong>långsiktiga</strong> bidrag <a href='https://example.org/{n}'>källa</a>"
    f"</p><ol><li>Underpunkt <em>{n}</em></li></ol></li></ul><script>alert({n})</script>"
    for n in range(40)
)


def test_threads_sanitising_at_once_each_get_the_whole_answer():
    expected = html_sanitise(TAKEAWAYS)
    assert "<script" not in expected and "Underpunkt <em>39</em>" in expected
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: html_sanitise(TAKEAWAYS), range(160)))
    assert all(answer == expected for answer in answers)
