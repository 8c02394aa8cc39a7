"""The evaluation's CSV files, through the one spreadsheet module (formula-safe cells)."""

from django.utils.translation import gettext as _

from sakrad.spreadsheet import spreadsheet_csv

from .choices import DONT_KNOW_LABEL, QUESTION_FIELDS, QUESTIONS


def _value(value) -> str:
    return str(DONT_KNOW_LABEL) if value is None else str(value)


def answers_csv(*, answers) -> str:
    """One row per answer, the steps as numbers (1–5); nothing that says when or by whom."""
    header = [str(statement) for _name, statement in QUESTIONS] + [_("Comment")]
    rows = (
        [_value(getattr(answer, name)) for name in QUESTION_FIELDS] + [answer.comment] for answer in answers
    )
    return spreadsheet_csv(header, rows)


def year_csv(*, lines) -> str:
    """One row per consultation: how many were asked and answered, and each question's average."""
    header = [_("Date"), _("Consultation"), _("Sent to"), _("Answers"), _("Response rate (%)")]
    header += [str(statement) for _name, statement in QUESTIONS]
    rows = []
    for consultation, results in lines:
        row = [consultation.date.isoformat(), consultation.title, results.recipients, results.answers]
        row.append("" if results.response_rate is None else results.response_rate)
        averages = {question.name: question.average for question in results.questions}
        row += [
            _average(averages.get(name)) if results.shown else _("too few answers")
            for name in QUESTION_FIELDS
        ]
        rows.append(row)
    return spreadsheet_csv(header, rows)


def _average(value) -> str:
    # A decimal comma: the file is for Swedish Excel (sakrad/spreadsheet.py).
    return "" if value is None else f"{value:.1f}".replace(".", ",")
