"""Queueing a job (django_tasks): with a backend that stores jobs (the database backend in
production), inside the caller's transaction, so the job exists exactly when the change that caused
it does; with the immediate backend (`make run`, tests), once the transaction commits, so a change
rolled back mails no one."""

from datetime import datetime

from django.db import transaction
from django_tasks.base import Task


def job_enqueue(task: Task, *, run_after: datetime | None = None, **kwargs) -> None:
    backend = task.get_backend()
    if backend.supports_defer:
        (task.using(run_after=run_after) if run_after else task).enqueue(**kwargs)
    elif run_after is None:
        transaction.on_commit(lambda: task.enqueue(**kwargs))
    # else: the immediate backend cannot wait; the mail stays queued for the worker's sweep or a retry.
