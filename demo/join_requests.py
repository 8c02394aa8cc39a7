"""Two requests to take part waiting to be vetted (/admin/intresseanmalningar/): a young people's own
association and an organisation formed on an ethnic basis, the kinds of actors the ministry wants to
reach beyond the usual few. Both are confirmed from their contacts' addresses, as only confirmed
requests reach staff. Written straight to the rows: seeding mails no one. Found again by name."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from join_requests.models import JoinRequest, JoinRequestStatus

# name, number, kind, county, theme slugs, contact name, contact address, why, days ago confirmed
PENDING = [
    (
        "Unga Ledare i Järva",
        "802541-3769",
        "association",
        "AB",
        ["unga-och-trygghet", "arbete-och-sysselsattning"],
        "Amina Yusuf",
        "amina@ungaledare.example.org",
        "Vi är en förening som drivs av unga mellan 16 och 25 år. Vi ordnar läxhjälp, sommarjobbsmässor "
        "och samtalskvällar med polis och fritidsledare. Vi vill att unga själva får säga vad som "
        "behövs i sina områden, inte bara organisationer som talar om dem.",
        2,
    ),
    (
        "Somalisk-svenska föräldraföreningen i Örebro",
        "802540-9122",
        "association",
        "T",
        ["integration-och-utanforskap", "unga-och-trygghet"],
        "Hassan Ali",
        "kontakt@foraldraforeningen.example.org",
        "Föreningen samlar föräldrar med rötter i Somalia. Vi är en bro mellan familjer, skola och "
        "socialtjänst, och har märkt att stödet till organisationer som vår har minskat. Vi vill "
        "bidra med föräldrarnas röst när departementet samråder om unga och trygghet.",
        5,
    ),
]


def join_requests_ensure(*, themes, tally) -> None:
    for name, number, kind, county, slugs, contact, email, why, days_ago in PENDING:
        if JoinRequest.objects.filter(organisation_name=name).exists():
            tally.record("join request", created=False)
            continue
        confirmed = timezone.now() - dt.timedelta(days=days_ago)
        join_request = JoinRequest.objects.create(
            organisation_name=name,
            organisation_number=number,
            kind=kind,
            county=county,
            contact_name=contact,
            contact_email=email,
            motivation=why,
            consented_at=confirmed - dt.timedelta(minutes=10),
            status=JoinRequestStatus.PENDING,
            confirmed_at=confirmed,
        )
        join_request.themes.set([themes[slug] for slug in slugs])
        tally.record("join request", created=True, label=name)
