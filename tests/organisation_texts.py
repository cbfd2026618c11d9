"""The organisation's details used by the footer and snippet tests, in Arabic and their English translations."""

ARABIC = {
    "organisation_name": "مركز العمل المجتمعي – جامعة القدس",
    "footer_text": "وحدة المناصرة الدولية في مركز العمل المجتمعي.",
    "address": "البلدة القديمة، القدس",
}
ENGLISH = {
    "مركز العمل المجتمعي – جامعة القدس": "Community Action Center – Al-Quds University",
    "وحدة المناصرة الدولية في مركز العمل المجتمعي.": "The International Advocacy Unit of the Community Action Center.",
    "البلدة القديمة، القدس": "Old City, Jerusalem",
}
