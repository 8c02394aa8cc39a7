"""The outbox: every e-mail of ours, queued in the database with the change that causes it, sent by
the job worker with retries, and shown to staff with its state (docs/reliability.md)."""
