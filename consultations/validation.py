from django.utils.translation import gettext_lazy as _

DUPLICATE_QUESTION_NUMBERS = _("Two discussion questions have the same number.")
