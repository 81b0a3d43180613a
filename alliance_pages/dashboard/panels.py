"""The dashboard's panels on the Wagtail admin home page (``construct_homepage_panels``)."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from . import data
from .access import is_coordination_office
from .charts import cumulative_chart, stacked_bar_chart

TEMPLATES = "alliance_pages/dashboard/"


class AlliancesFoundedPanel(Component):
    name = "alliances_founded"
    order = 150
    template_name = TEMPLATES + "alliances_founded.html"

    def get_context_data(self, parent_context=None):
        foundings = data.alliances_founded()
        return {
            "foundings": foundings,
            "chart": cumulative_chart(
                [(founding.founded_on, founding.title) for founding in foundings],
                timezone.localdate(),
            ),
        }


class StoriesPerMonthPanel(Component):
    name = "stories_per_month"
    order = 160
    template_name = TEMPLATES + "stories_per_month.html"

    def get_context_data(self, parent_context=None):
        counts = data.stories_per_month()
        columns = [formats.date_format(month, "M y") for month in counts.months]
        chart = stacked_bar_chart(columns, counts.per_alliance, _("Other alliances"))
        return {
            "chart": chart,
            "columns": columns,
            "rows": [(name, values, sum(values)) for name, values in counts.per_alliance.items()],
        }


class UpcomingEventsPanel(Component):
    name = "upcoming_events"
    order = 170
    template_name = TEMPLATES + "upcoming_events.html"

    def get_context_data(self, parent_context=None):
        return {"events": data.upcoming_events()}


class AwaitingModerationPanel(Component):
    name = "awaiting_moderation"
    order = 140
    template_name = TEMPLATES + "awaiting_moderation.html"

    def get_context_data(self, parent_context=None):
        total, rows = data.pages_awaiting_moderation()
        return {"total": total, "rows": rows}


PANELS = (AwaitingModerationPanel, AlliancesFoundedPanel, StoriesPerMonthPanel, UpcomingEventsPanel)


def add_dashboard_panels(request, panels: list) -> None:
    if is_coordination_office(request.user):
        panels.extend(panel() for panel in PANELS)
