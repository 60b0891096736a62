"""The built site in a real browser: every kind of page opens clean, is accessible, fits a phone, works by keyboard.

One page of each template (the documents' and the site's own), in Thai and in English, opened from
``file://`` as a reader who downloaded the site would: no console error, no failed or outside request,
no serious or critical axe-core violation, no horizontal scroll at 390 px, every control reached by
Tab. Search is tried over HTTP with a Thai query. Screenshots of the main pages are kept (see conftest).
"""

from __future__ import annotations

from typing import Any

import pytest

FAMILY = "example-office-strategic-2566-2570"
FIRST = "example-office-strategic-2566-2570"
REVISED = "example-office-strategic-2566-2570-rev2568"
PAGES = {
    "home": "index.html",
    "plan": f"{FAMILY}/{REVISED}.plan.html",
    "action-plan": f"{FAMILY}/{FIRST}.action-plan-2567.html",
    "report": f"{FAMILY}/{FIRST}.report-2567.html",
    "changes": f"{FAMILY}/changes/{REVISED}.html",
    "policy": f"{FAMILY}/policies/p2.html",
    "indicator": f"{FAMILY}/indicators/p1-1-i2.html",
    "indicators": f"{FAMILY}/indicators/index.html",
    "project": f"{FAMILY}/projects/prj-2567-1-1.html",
    "status": f"{FAMILY}/status.html",
    "search": "search.html",
    "unit": "example-rollup-office/units/1088880012.html",
    "units": "example-rollup-office/units/index.html",
    "real-plan": "sesa-lampang-lamphun-2566-2570/sesa-lampang-lamphun-2566-2570.plan.html",
}
"""One page of every template, by the template's name (the English pages are the same under en/)."""
MAIN = ("home", "indicator", "status", "policy", "report")
"""The pages whose screenshots are kept and that the keyboard test walks."""

ALL = [(name, prefix) for name in PAGES for prefix in ("", "en/")]


def _open(browser: Any, url: str, width: int = 1024) -> tuple[Any, list[str]]:
    """A new page at ``url``; what went wrong while it loaded (console errors, failed or outside requests)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    trouble: list[str] = []
    page.on(
        "console", lambda m: trouble.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: trouble.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: trouble.append(f"failed: {r.url}"))

    def outside(route: Any) -> None:
        trouble.append(f"outside request: {route.request.url}")
        route.abort()

    page.route("http*://**", outside)
    page.goto(url, wait_until="load")
    return page, trouble


@pytest.mark.parametrize(("name", "prefix"), ALL)
def test_every_template_opens_without_errors_or_outside_requests(browser, built_site, name, prefix):
    page, trouble = _open(browser, (built_site / prefix / PAGES[name]).as_uri())
    try:
        assert page.title()
        assert page.evaluate("document.documentElement.lang") == ("en" if prefix else "th")
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Sarabun")
        assert page.evaluate("document.fonts.ready.then(() => document.fonts.check('12pt Sarabun'))")
        assert trouble == []
    finally:
        page.context.close()


AXE = [(name, "") for name in PAGES if name != "real-plan"] + [
    (name, "en/") for name in ("home", "indicator", "status")
]
"""axe-core takes seconds a page: every template once in Thai, the site's own main ones in English too (the real
plan's page is the plan template again, at twenty seconds)."""


@pytest.mark.parametrize(("name", "prefix"), AXE)
def test_axe_finds_no_serious_or_critical_violation(browser, built_site, name, prefix):
    from axe_playwright_python.sync_playwright import Axe

    page, _trouble = _open(browser, (built_site / prefix / PAGES[name]).as_uri())
    try:
        results = Axe().run(page)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']}: {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == []
    finally:
        page.context.close()


@pytest.mark.parametrize(("name", "prefix"), ALL)
def test_a_phone_shows_every_page_without_horizontal_scroll(browser, built_site, artifacts, name, prefix):
    page, _trouble = _open(browser, (built_site / prefix / PAGES[name]).as_uri(), width=390)
    try:
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"{PAGES[name]} is {wide} px wide on a 390 px screen"
        if name in MAIN:
            page.screenshot(path=str(artifacts / f"{prefix.strip('/') or 'th'}-{name}-390.png"), full_page=True)
    finally:
        page.context.close()


@pytest.mark.parametrize("name", MAIN)
def test_tab_reaches_every_control_in_order(browser, built_site, artifacts, name):
    page, _trouble = _open(browser, (built_site / PAGES[name]).as_uri())
    try:
        controls = page.evaluate(
            """() => Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
                .filter(e => e.tabIndex >= 0 && e.getClientRects().length)
                .map((e, n) => { e.dataset.control = n; return n; }).length"""
        )
        reached = []
        for _ in range(controls):
            page.keyboard.press("Tab")
            reached.append(page.evaluate("Number(document.activeElement.dataset.control)"))
        assert reached == list(range(controls)), "Tab skipped a control or went out of order"
        page.screenshot(path=str(artifacts / f"th-{name}-1024.png"), full_page=True)
    finally:
        page.context.close()


def test_the_first_tab_is_the_way_past_the_menu(browser, built_site):
    page, _trouble = _open(browser, (built_site / PAGES["indicator"]).as_uri())
    try:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
    finally:
        page.context.close()


def test_the_skip_link_is_hidden_until_focused_and_leads_to_the_content(browser, built_site):
    page, _trouble = _open(browser, (built_site / PAGES["indicator"]).as_uri())
    try:
        assert page.evaluate("document.querySelector('a.skip').getBoundingClientRect().right") <= 0
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('a.skip').getBoundingClientRect().left") >= 0
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#content"
    finally:
        page.context.close()


def test_the_search_page_says_search_needs_a_web_server_when_opened_from_a_folder(browser, built_site):
    page, trouble = _open(browser, (built_site / "search.html").as_uri())
    try:
        assert page.is_visible("#search-file")
        assert trouble == []
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ปลอดบุหรี่", f"{FAMILY}/indicators/p1-1-i2.html"),  # a word inside a run of Thai with no spaces
        ("สถานศึกษาปลอดบุหรี่", f"{FAMILY}/indicators/p1-1-i2.html"),  # two words typed together
        ("อบายมุข", f"{FAMILY}/indicators/p1-1-i2.html"),
    ],
)
def test_a_thai_query_finds_the_indicator_page(browser, served, artifacts, query, found):
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    page = context.new_page()
    try:
        page.goto(served + "search.html")
        page.fill(".pagefind-ui__search-input", query)
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
        page.wait_for_timeout(300)  # the first results arrive, then are filled in
        links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.pathname)")
        assert any(link.endswith(found) for link in links), links
        shown = page.inner_text(".pagefind-ui__results")
        assert "\u2009" not in shown  # the thin spaces of the index are not shown
        page.screenshot(path=str(artifacts / "th-search-1024.png"), full_page=True)
    finally:
        context.close()


def test_english_search_finds_english_pages(browser, served):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(served + "en/search.html")
        page.fill(".pagefind-ui__search-input", "Latest result")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
        links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.pathname)")
        assert links and all("/en/" in link for link in links), links
    finally:
        context.close()


def test_printing_leaves_out_the_menu_and_the_way_back(browser, built_site):
    page, _trouble = _open(browser, (built_site / PAGES["indicator"]).as_uri())
    try:
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "['nav.site-nav', 'nav.crumbs', 'a.skip'].map(s => getComputedStyle(document.querySelector(s)).display)"
        )
        assert hidden == ["none", "none", "none"]
        assert page.evaluate("getComputedStyle(document.querySelector('h1')).display") == "block"
    finally:
        page.context.close()
