from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    AGENCY = "agency", _("Agency")
    OTHER = "other", _("Other")


class County(models.TextChoices):
    """Sweden's 21 counties (län), keyed by their official letter codes."""

    AB = "AB", _("Stockholm County")
    C = "C", _("Uppsala County")
    D = "D", _("Södermanland County")
    E = "E", _("Östergötland County")
    F = "F", _("Jönköping County")
    G = "G", _("Kronoberg County")
    H = "H", _("Kalmar County")
    I = "I", _("Gotland County")  # noqa: E741
    K = "K", _("Blekinge County")
    M = "M", _("Skåne County")
    N = "N", _("Halland County")
    O = "O", _("Västra Götaland County")  # noqa: E741
    S = "S", _("Värmland County")
    T = "T", _("Örebro County")
    U = "U", _("Västmanland County")
    W = "W", _("Dalarna County")
    X = "X", _("Gävleborg County")
    Y = "Y", _("Västernorrland County")
    Z = "Z", _("Jämtland County")
    AC = "AC", _("Västerbotten County")
    BD = "BD", _("Norrbotten County")
