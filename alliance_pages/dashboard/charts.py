"""Chart geometry for inline SVG, computed on the server.

No chart library and no CDN: the admin may run where the internet is out of reach,
and a handful of rectangles and a polyline do not need one. The templates draw what
these functions compute and add a table with the same numbers, which is what a
screen reader reads (the SVG itself is one labelled image).
"""

import datetime
import math
from dataclasses import dataclass, field

WIDTH = 640
HEIGHT = 240
LEFT = 40
RIGHT = 12
TOP = 12
BOTTOM = 32
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM

# Distinguishable for the common colour vision deficiencies (Okabe and Ito), darkest
# first; series beyond these share "other".
PALETTE = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]
OTHER_COLOUR = "#999999"


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


def nice_step(maximum: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5, 10, 20, …) that divides ``maximum`` into about ``ticks`` parts."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return int(factor * magnitude)
    return int(10 * magnitude)


def value_axis(maximum: int) -> tuple[int, list[Tick]]:
    """The axis top (a multiple of the step) and its ticks, bottom to top."""
    step = nice_step(max(maximum, 1))
    top = max(step, math.ceil(maximum / step) * step)
    return top, [
        Tick(TOP + PLOT_HEIGHT - value * PLOT_HEIGHT / top, str(value))
        for value in range(0, top + 1, step)
    ]


@dataclass
class Point:
    x: float
    y: float
    label: str


@dataclass
class CumulativeChart:
    """A step line of a running total over the years."""

    points: list[Point]
    polyline: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = TOP + PLOT_HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT


def cumulative_chart(
    events: list[tuple[datetime.date, str]], today: datetime.date
) -> CumulativeChart | None:
    """``events`` are (day, label) pairs, oldest first; the line climbs by one at each."""
    if not events:
        return None
    first_year = events[0][0].year
    last_year = max(today.year, events[-1][0].year)
    start = datetime.date(first_year, 1, 1).toordinal()
    end = datetime.date(last_year + 1, 1, 1).toordinal()
    top, y_ticks = value_axis(len(events))

    def x(day: datetime.date) -> float:
        return round(LEFT + (day.toordinal() - start) * PLOT_WIDTH / (end - start), 1)

    def y(total: int) -> float:
        return round(TOP + PLOT_HEIGHT - total * PLOT_HEIGHT / top, 1)

    points = []
    coordinates = [(LEFT, y(0))]
    for total, (day, label) in enumerate(events, start=1):
        coordinates += [(x(day), y(total - 1)), (x(day), y(total))]
        points.append(Point(x(day), y(total), label))
    coordinates.append((x(min(today, datetime.date(last_year, 12, 31))), y(len(events))))
    years = range(first_year, last_year + 1)
    every = max(1, math.ceil(len(years) / 8))
    x_ticks = [
        Tick(x(datetime.date(year, 1, 1)), str(year))
        for index, year in enumerate(years)
        if index % every == 0
    ]
    return CumulativeChart(
        points=points,
        polyline=" ".join(f"{px},{py}" for px, py in coordinates),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
    )


@dataclass
class Segment:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


@dataclass
class Series:
    name: str
    colour: str
    values: list[int]
    total: int = 0


@dataclass
class StackedBarChart:
    segments: list[Segment]
    series: list[Series]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    totals: list[int] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = TOP + PLOT_HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT


def stacked_bar_chart(
    columns: list[str], named_values: dict[str, list[int]], other_name: str
) -> StackedBarChart | None:
    """One bar per column, stacked by series; series past the palette become ``other_name``."""
    if not any(sum(values) for values in named_values.values()):
        return None
    names = list(named_values)
    series = [
        Series(name, PALETTE[index], list(named_values[name]))
        for index, name in enumerate(names[: len(PALETTE)])
    ]
    if len(names) > len(PALETTE):
        rest = [named_values[name] for name in names[len(PALETTE) :]]
        series.append(
            Series(other_name, OTHER_COLOUR, [sum(column) for column in zip(*rest, strict=True)])
        )
    for one in series:
        one.total = sum(one.values)
    totals = [sum(one.values[index] for one in series) for index in range(len(columns))]
    top, y_ticks = value_axis(max(totals))
    slot = PLOT_WIDTH / len(columns)
    bar = round(slot * 0.7, 1)
    segments = []
    x_ticks = []
    for index, column in enumerate(columns):
        x = round(LEFT + index * slot + (slot - bar) / 2, 1)
        x_ticks.append(Tick(round(x + bar / 2, 1), column))
        stacked = 0
        for one in series:
            value = one.values[index]
            if not value:
                continue
            height = value * PLOT_HEIGHT / top
            y = TOP + PLOT_HEIGHT - (stacked + value) * PLOT_HEIGHT / top
            segments.append(
                Segment(
                    x,
                    round(y, 1),
                    bar,
                    round(height, 1),
                    one.colour,
                    f"{column}: {one.name}, {value}",
                )
            )
            stacked += value
    return StackedBarChart(
        segments=segments, series=series, x_ticks=x_ticks, y_ticks=y_ticks, totals=totals
    )
