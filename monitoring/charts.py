"""Bar charts drawn on the server as accessible SVG, from plain numbers.

A chart is an ``<svg role="img">`` named by its ``<title>`` and described by its ``<desc>`` (which
states every value, for screen readers that do not reach the data table). In a right-to-left language
the labels stand on the right, the bars grow leftwards and the value axis runs from right to left.
Colours come from classes (``cms``-independent: ``monitoring/static/monitoring/statistics.css``), never
from a ``style`` attribute, which the site's Content Security Policy forbids.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape

WIDTH = 640
LABEL_WIDTH = 190
VALUE_MARGIN = 70  # room beyond the longest bar for its printed value
ROW_HEIGHT = 26
BAR_HEIGHT = 16
TOP = 8
AXIS_HEIGHT = 26
TICKS = 4


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def nice_maximum(value):
    """The smallest 1, 2 or 5 × 10ⁿ at or above ``value`` (at least 1), so ticks fall on round numbers."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def bar_chart(*, chart_id, title, description, bars, rtl, number_format):
    """An SVG horizontal bar chart as a string (already escaped; mark it safe in the template).

    ``number_format`` turns a number into the locale's text, used on the axis and beside the bars.
    """
    bars = list(bars)
    maximum = nice_maximum(max((bar.value for bar in bars), default=0))
    plot_width = WIDTH - LABEL_WIDTH - VALUE_MARGIN
    height = TOP + max(len(bars), 1) * ROW_HEIGHT + AXIS_HEIGHT
    direction = "rtl" if rtl else "ltr"

    def x_at(value):
        """The x of ``value`` on the value axis: from the label column towards the far side."""
        offset = plot_width * value / maximum
        return WIDTH - LABEL_WIDTH - offset if rtl else LABEL_WIDTH + offset

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" direction="{direction}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    axis_y = TOP + max(len(bars), 1) * ROW_HEIGHT
    for tick in range(TICKS + 1):
        value = maximum * tick / TICKS
        x = x_at(value)
        parts.append(f'<line class="chart__grid" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{axis_y}"/>')
        label = number_format(int(value) if float(value).is_integer() else round(value, 1))
        parts.append(
            f'<text class="chart__tick" x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle">{escape(label)}</text>'
        )
    # In right-to-left text "start" is the right end: the same anchors read correctly in both directions.
    label_x = WIDTH - 4 if rtl else LABEL_WIDTH - 8
    label_anchor = "start" if rtl else "end"
    for index, bar in enumerate(bars):
        y = TOP + index * ROW_HEIGHT
        start, end = x_at(0), x_at(bar.value)
        left, width = min(start, end), abs(end - start)
        text_y = y + ROW_HEIGHT / 2 + 4
        parts.append(
            f'<text class="chart__label" x="{label_x}" y="{text_y:.1f}" text-anchor="{label_anchor}">'
            f"{escape(bar.label)}</text>"
        )
        parts.append(
            f'<rect class="chart__bar" x="{left:.1f}" y="{y + (ROW_HEIGHT - BAR_HEIGHT) / 2:.1f}" '
            f'width="{width:.1f}" height="{BAR_HEIGHT}"/>'
        )
        value_x = end - 4 if rtl else end + 4
        parts.append(
            f'<text class="chart__value" x="{value_x:.1f}" y="{text_y:.1f}" text-anchor="start">'
            f"{escape(number_format(bar.value))}</text>"
        )
    parts.append(f'<line class="chart__axis" x1="{x_at(0):.1f}" y1="{axis_y}" x2="{x_at(maximum):.1f}" y2="{axis_y}"/>')
    parts.append("</svg>")
    return "".join(parts)
