"""Settings for the processes tests/deploy/test_backup.py starts (deploy/backup, deploy/restore, the
page renders): the test settings, with uploaded files on disk in the test's own folder, as production
keeps them, instead of the test settings' in-memory storage."""

import os

from sakrad.settings.test import *  # noqa: F403
from sakrad.settings.test import STORAGES

MEDIA_ROOT = os.environ["SAKRAD_TEST_MEDIA_ROOT"]
STORAGES = {**STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
