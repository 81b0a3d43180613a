"""The alliance's vocabularies, in one place so that forms, API and demo agree."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AllianceLevel(models.TextChoices):
    STATE = "state", _("State alliance")
    REGIONAL = "regional", _("Regional alliance")
    LOCAL = "local", _("Local alliance")


class PartnerRole(models.TextChoices):
    MEMBER = "member", _("Member")
    SIGNATORY = "signatory", _("Signatory of the Düsseldorf Declaration")
    STEERING_COMMITTEE = "steering_committee", _("Steering committee")


class PartnerKind(models.TextChoices):
    BUSINESS_ASSOCIATION = "business_association", _("Business association")
    CHAMBER = "chamber", _("Chamber of commerce")
    UNION = "union", _("Labour union")
    GOVERNMENT = "government", _("Government")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    RESEARCH = "research", _("Research")


class RegionKind(models.TextChoices):
    """From the federal state down to the town, in the order they nest."""

    STATE = "state", _("Federal state")
    ADMINISTRATIVE_DISTRICT = "administrative_district", _("Administrative district")
    DISTRICT = "district", _("District")
    CITY = "city", _("District-free city")
    TOWN = "town", _("Town")


# How deep each kind sits; a region may only contain kinds that sit deeper.
REGION_KIND_DEPTH = {
    RegionKind.STATE: 0,
    RegionKind.ADMINISTRATIVE_DISTRICT: 1,
    RegionKind.DISTRICT: 2,
    RegionKind.CITY: 2,
    RegionKind.TOWN: 3,
}


class Sector(models.TextChoices):
    CHEMICALS = "chemicals", _("Chemicals")
    STEEL = "steel", _("Steel and metals")
    ENERGY = "energy", _("Energy")
    MECHANICAL_ENGINEERING = "mechanical_engineering", _("Mechanical engineering")
    AUTOMOTIVE = "automotive", _("Automotive")
    PLASTICS = "plastics", _("Plastics")
    PAPER = "paper", _("Paper and packaging")
    FOOD = "food", _("Food")
    LOGISTICS = "logistics", _("Logistics")
    RECYCLING = "recycling", _("Recycling and circular economy")
    BUILDING_MATERIALS = "building_materials", _("Building materials")
    ELECTRICAL = "electrical", _("Electrical and electronics")


class EventKind(models.TextChoices):
    CONGRESS = "congress", _("Congress")
    DAY_OF_INDUSTRY = "day_of_industry", _("Day of Industry")
    STRATEGY_WORKSHOP = "strategy_workshop", _("Strategy workshop")
    KICK_OFF = "kick_off", _("Kick-off event")
    INFORMATION_EVENT = "information_event", _("Information event")
    DIALOGUE_FORUM = "dialogue_forum", _("Dialogue forum")


class SupportService(models.TextChoices):
    """What the coordination office offers to groups founding a sub-alliance."""

    STRATEGY_WORKSHOP = "strategy_workshop", _("Strategy workshop")
    KICK_OFF = "kick_off", _("Kick-off event")
    INFORMATION = "information", _("Information presentation")
