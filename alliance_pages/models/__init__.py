from .alliances import ALLOWED_CHILD_LEVELS, AlliancePage, AlliancePartner
from .companies import CompanyIndexPage, CompanyPage
from .declaration import DeclarationPage, SupportServicesPage
from .events import EventIndexPage, EventPage
from .partners import PartnerOrganisation
from .regions import RegionIndexPage, RegionPage
from .support import SupportRequest, SupportRequestStatus

__all__ = [
    "ALLOWED_CHILD_LEVELS",
    "AlliancePage",
    "AlliancePartner",
    "CompanyIndexPage",
    "CompanyPage",
    "DeclarationPage",
    "EventIndexPage",
    "EventPage",
    "PartnerOrganisation",
    "RegionIndexPage",
    "RegionPage",
    "SupportRequest",
    "SupportRequestStatus",
    "SupportServicesPage",
]
