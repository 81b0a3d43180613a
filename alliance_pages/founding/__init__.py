"""Founding a regional or local sub-alliance, from the admin or the command line.

The coordination office founds sub-alliances after the strategy workshop and the
kick-off event. One function does it for both ways in, so that the admin form, the
``found_sub_alliance`` command and the demo make exactly the same setup.
"""

from .founding import FoundingResult, found_sub_alliance
from .request import FoundingError, FoundingRequest

__all__ = ["FoundingError", "FoundingRequest", "FoundingResult", "found_sub_alliance"]
