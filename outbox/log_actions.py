MAIL_RETRY = "outbox.mail_retry"
