"""Reading rendered public pages the way a visitor (or a screen reader) would: shared by the page tests."""

from bs4 import BeautifulSoup

FOCUSABLE = ("a", "button", "input", "select", "textarea")


def parse(response, status=200):
    assert response.status_code == status, f"status {response.status_code}, expected {status}"
    return BeautifulSoup(response.content.decode(), "html.parser")


def html_attributes(soup):
    tag = soup.find("html")
    return tag.get("lang"), tag.get("dir")


def language_links(soup):
    """The header's language switcher as {language code: href}."""
    nav = soup.select_one("nav.language-switcher")
    assert nav is not None, "no language switcher"
    links = {}
    for link in nav.find_all("a"):
        assert link.get("lang") == link.get("hreflang"), link
        links[link["hreflang"]] = link["href"]
    return links


def current_language_link(soup):
    return [link["hreflang"] for link in soup.select("nav.language-switcher a[aria-current]")]


def alternates(soup):
    """``<link rel="alternate" hreflang>`` in the head as {hreflang: absolute href}."""
    return {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}


def first_focusable(soup):
    for element in soup.body.find_all(True):
        if element.name == "a" and element.get("href"):
            return element
        if element.name in FOCUSABLE[1:] and element.get("type") != "hidden":
            return element
        if element.get("tabindex") not in (None, "-1"):
            return element
    return None


def heading_levels(soup):
    return [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def assert_accessible_page(soup, language):
    """What every public page owes its visitors, in ``language``."""
    direction = "rtl" if language == "ar" else "ltr"
    assert html_attributes(soup) == (language, direction)

    skip = first_focusable(soup)
    assert skip is not None and skip["href"] == "#main", f"first focusable element is {skip}"
    assert soup.select_one("main#main") is not None

    for landmark in ("header", "footer"):
        assert soup.find(landmark) is not None, f"no <{landmark}>"
    for nav in soup.find_all("nav"):
        assert nav.get("aria-label"), f"unlabelled <nav>: {nav.get('class')}"

    levels = heading_levels(soup)
    assert levels.count(1) == 1, f"expected one h1, found headings {levels}"
    assert levels[0] == 1, f"the first heading is h{levels[0]}"
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}: {levels}"

    for image in soup.find_all("img"):
        assert image.get("alt"), f"image without alt text: {image}"

    for label in soup.find_all("label"):
        target = label.get("for")
        assert target and soup.find(id=target), f"label not tied to a field: {label}"

    assert current_language_link(soup) == [language]


def text(soup):
    return " ".join(soup.get_text(" ").split())


def main_text(soup):
    return text(soup.select_one("main"))
