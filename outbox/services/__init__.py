from .deliver import mail_deliver
from .erase import mails_prune, mails_to_erase
from .queue import mail_queue, mail_queue_built, mails_queue
from .recover import mails_recover, worker_seen
from .retry import mail_requeue, mail_retry

__all__ = [
    "mail_deliver",
    "mails_prune",
    "mails_to_erase",
    "mail_queue",
    "mail_queue_built",
    "mails_queue",
    "mail_requeue",
    "mail_retry",
    "mails_recover",
    "worker_seen",
]
