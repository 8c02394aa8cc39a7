from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings


class DemoAwareAuthenticationBackend(AuthenticationBackend):
    """allauth's backend, refusing the published demo password wherever DEBUG is off."""

    def authenticate(self, request, **credentials):
        if not settings.DEBUG and credentials.get("password") == settings.DEMO_PASSWORD:
            return None
        return super().authenticate(request, **credentials)
