"""Arabic formats as printed in Jerusalem: "3 حزيران 2024", Western digits with a decimal point.

Django's own Arabic formats put an Arabic comma before the year and use a decimal comma; it
leaves DATETIME_FORMAT to the American default ("N j, Y, P"), which the Wagtail admin shows in
its date tooltips. The month names themselves come from the catalogue (locale/upstream/ar).
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "j F Y، g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
# The right-to-left marks keep day, month and year in reading order inside Arabic text.
SHORT_DATE_FORMAT = "d\u200f/m\u200f/Y"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
# Django's Arabic formats set no grouping, so 1229 people would print as "1229" beside "1,229" in English.
NUMBER_GROUPING = 3
