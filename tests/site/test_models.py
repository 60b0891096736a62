"""The site's page models, without a browser: families of editions, the document of each year, an indicator's
history, the progress counts, the open data, permalinks and links, the units of a register.

The examples' READMEs say what their plans hold (docs/examples/*/README.md); the expected values here are
those, worked out by hand, not read back from the code under test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eduplan.errors import UsageError
from eduplan.load.whole import load_whole
from eduplan.site import paths
from eduplan.site.chrome import Tree
from eduplan.site.data import csv_bytes, rows
from eduplan.site.history import History
from eduplan.site.home import build_section
from eduplan.site.indicator import build_index, build_indicator
from eduplan.site.policy import build_policy_page, build_project_page
from eduplan.site.scope import Scope
from eduplan.site.sources import Edition, families
from eduplan.site.status import build_status
from eduplan.site.units import build_unit, build_units, unit_page
from tests.conftest import REAL_PLAN
from tests.site.conftest import EXAMPLES

FIRST = EXAMPLES / "office-strategic" / "2566-2570"
REVISED = EXAMPLES / "office-strategic" / "2566-2570-revised"
ANNUAL = EXAMPLES / "annual-cycle"
KEY = "example-office-strategic-2566-2570"


def edition(path: Path) -> Edition:
    plan, loaded = load_whole(path)
    return Edition(plan, loaded.root, tuple(loaded.files))


@pytest.fixture(scope="module")
def office() -> History:
    (family,) = families([edition(REVISED), edition(FIRST)])  # given newest first: the chain decides the order
    return History(family)


@pytest.fixture(scope="module")
def annual() -> History:
    (family,) = families([edition(ANNUAL)])
    return History(family)


def scope_of(history: History, lang: str = "th") -> Scope:
    return Scope(history, Tree(lang, ""), "arabic")  # type: ignore[arg-type]


# -- families and the document of each year ------------------------------------------------------------------


def test_editions_of_one_plan_are_one_family_keyed_by_the_first_edition(office):
    family = office.family
    assert family.key == KEY
    assert [e.plan.id for e in family.editions] == [KEY, f"{KEY}-rev2568"]
    assert family.previous(family.latest) is family.editions[0]


def test_a_revision_given_alone_keeps_the_permalinks_of_its_plan():
    (family,) = families([edition(REVISED)])
    assert family.key == KEY  # edition.revision_of names the first edition, which is not given


def test_plans_of_other_offices_are_families_of_their_own():
    found = families([edition(FIRST), edition(ANNUAL), edition(REVISED)])
    assert [f.key for f in found] == [KEY, "example-annual-cycle"]


def test_the_same_plan_given_twice_is_refused():
    with pytest.raises(UsageError, match="two plans given have the id"):
        families([edition(FIRST), edition(FIRST)])


def test_a_year_is_published_from_the_edition_in_force_that_year(office):
    # both editions carry an action plan for 2567; the revision came out on 20 November 2024 (B.E. 2567),
    # after fiscal year 2567 ended on 30 September 2024: the first edition's is the one of that year
    (action,) = office.action_plans
    assert (action.year, action.edition.plan.id) == (2567, KEY)
    assert office.family.in_force(2567).plan.id == KEY
    assert office.family.in_force(2568).plan.id == f"{KEY}-rev2568"


def test_an_edition_published_within_the_year_is_the_one_in_force():
    first, revised = edition(FIRST), edition(REVISED)
    assert revised.plan.edition is not None
    early = revised.plan.model_copy(
        update={"edition": revised.plan.edition.model_copy(update={"published": dt.date(2024, 3, 1)})}
    )
    (family,) = families([first, Edition(early, revised.root)])
    (action,) = family.documents("action-plan")
    assert action.edition.plan is early


# -- the home page ------------------------------------------------------------------------------------------------


def test_the_home_section_lists_editions_newest_first_and_documents_by_year(office):
    scope = scope_of(office)
    section = build_section(scope, scope.place("index.html"))
    assert [d.page.href for d in section.plans] == [
        f"{KEY}/{KEY}-rev2568.plan.html",
        f"{KEY}/{KEY}.plan.html",
    ]
    assert section.plans[0].changes is not None and section.plans[1].changes is None
    assert [d.page.href for d in section.reports] == [f"{KEY}/{KEY}.report-2567.html"]
    assert section.plans[0].files == ()  # no download was made: no link to one


def test_the_home_section_links_the_files_that_were_made_with_their_sizes(annual):
    scope = scope_of(annual)
    scope.files["example-annual-cycle/example-annual-cycle.plan.pdf"] = 540_518
    scope.files["example-annual-cycle/example-annual-cycle.plan.docx"] = 1_250_000
    (plan,) = build_section(scope, scope.place("index.html")).plans
    assert [(f.href, f.text) for f in plan.files] == [
        ("example-annual-cycle/example-annual-cycle.plan.pdf", "PDF ขนาด 541 KB"),
        ("example-annual-cycle/example-annual-cycle.plan.docx", "Word ขนาด 1.2 MB"),
    ]


# -- an indicator across the years -------------------------------------------------------------------------------


def test_an_indicator_whose_editions_differ_has_a_target_column_for_each(office):
    scope = scope_of(office)
    page = build_indicator(scope, scope.place(paths.indicator(KEY, "p1-1-i2")), "p1-1-i2")
    assert page.target_headers == (
        "ค่าเป้าหมาย (ฉบับประกาศใช้ พ.ศ. 2566)",
        "ค่าเป้าหมาย (ฉบับทบทวน พ.ศ. 2568)",
    )
    # the cumulative target raised from 2568 (README: 50, 70, 90 -> 55, 75, 95)
    assert [(r.year, r.targets) for r in page.rows] == [
        ("2566", ("20", "20")),
        ("2567", ("35", "35")),
        ("2568", ("50", "55")),
        ("2569", ("70", "75")),
        ("2570", ("90", "95")),
    ]
    reported = page.rows[1]
    assert (reported.actual, reported.mark and reported.mark.key) == ("37", "achieved")
    assert reported.report is not None
    assert reported.report.href == f"../{KEY}.report-2567.html#indicator-p1-1-p1-1-i2"
    assert page.latest is reported
    assert page.mark is None  # its name already says สะสม
    assert page.chart is not None


def test_an_indicator_the_revision_removed_keeps_its_page_and_history(office):
    scope = scope_of(office)
    page = build_indicator(scope, scope.place(paths.indicator(KEY, "p2-1-i1-3")), "p2-1-i1-3")
    assert page.removed == "ตัวชี้วัดนี้ไม่มีในแผนฉบับล่าสุด (ฉบับทบทวน พ.ศ. 2568) หน้านี้เก็บประวัติไว้"
    assert page.parent is not None and page.parent.href == "p2-1-i1.html"
    assert page.target_headers == ("เป้าหมาย",)


def test_an_indicator_the_revision_added_starts_in_its_first_year(office):
    scope = scope_of(office)
    page = build_indicator(scope, scope.place(paths.indicator(KEY, "p2-2-i3")), "p2-2-i3")
    assert [r.year for r in page.rows] == ["2568", "2569", "2570"]
    assert page.removed is None and page.latest is None


def test_the_list_of_indicators_gives_each_its_latest_result(office):
    scope = scope_of(office)
    groups = build_index(scope, scope.place(paths.indicators(KEY)))
    rows_by_href = {r.link.href: r for g in groups for r in g.rows}
    assert rows_by_href["p1-1-i2.html"].latest is not None
    assert rows_by_href["p1-1-i2.html"].latest.key == "achieved"
    assert rows_by_href["p2-2-i3.html"].latest is None  # added in 2568: never reported yet
    assert sum(len(g.rows) for g in groups) == len(office.indicators)


# -- progress ------------------------------------------------------------------------------------------------------


def test_progress_counts_what_the_readme_of_the_example_says(annual):
    # docs/examples/annual-cycle/README.md: 2566: 6 achieved, 0 not achieved, 1 no data; 2567: 3, 3, 1
    scope = scope_of(annual)
    page = build_status(scope, scope.place(paths.status("example-annual-cycle")))
    words = [m.key for m in page.marks]
    counts = {row.row.heading: dict(zip(words, (int(c) for c in row.row.counts), strict=True)) for row in page.overview}
    assert (counts["2566"]["achieved"], counts["2566"]["not-achieved"], counts["2566"]["no-data"]) == (6, 0, 1)
    assert (counts["2567"]["achieved"], counts["2567"]["not-achieved"], counts["2567"]["no-data"]) == (3, 3, 1)
    assert [y.anchor for y in page.years] == ["year-2567", "year-2566"]  # newest first


def test_progress_without_reports_says_so():
    (family,) = families([edition(REAL_PLAN)])  # the shipped plan has no report yet
    scope = scope_of(History(family))
    page = build_status(scope, scope.place(paths.status(family.key)))
    assert page.none is not None and page.overview == ()


# -- policies and projects -----------------------------------------------------------------------------------------


def test_a_policy_page_links_its_levels_indicators_and_projects(office):
    scope = scope_of(office)
    page = build_policy_page(scope, scope.place(paths.policy(KEY, "p1")), "p1")
    assert [c.href for c in page.children] == ["p1-1.html", "p1-2.html"]
    assert page.children_heading == "กลยุทธ์"
    assert page.indicators[0][1].href == "../indicators/p1-i1.html"
    child = build_policy_page(scope, scope.place(paths.policy(KEY, "p1-1")), "p1-1")
    assert [p.href for p in child.parents] == ["p1.html"]
    assert child.projects and child.projects[0][0] == "ปีงบประมาณ 2567"


def test_a_project_page_gives_each_year_with_its_result(annual):
    scope = scope_of(annual)
    (project_id, years), *_ = annual.projects.items()
    page = build_project_page(scope, scope.place(paths.project("example-annual-cycle", project_id)), project_id)
    (year,) = page.years
    assert year.year == "ปีงบประมาณ 2567"
    assert year.result is not None  # the report of 2567 gives project results
    assert year.document.href.endswith(f"example-annual-cycle.action-plan-2567.html#project-{project_id}")


# -- the open data ---------------------------------------------------------------------------------------------------


def test_the_indicator_table_takes_each_year_from_the_edition_in_force(office):
    table = {(r["indicator"], r["year"]): r for r in rows([office])}
    assert (table[("p1-1-i2", 2567)]["target"], table[("p1-1-i2", 2567)]["edition"]) == ("35", KEY)
    assert (table[("p1-1-i2", 2568)]["target"], table[("p1-1-i2", 2568)]["edition"]) == ("55", f"{KEY}-rev2568")
    assert table[("p1-1-i2", 2567)]["actual_value"] == 37
    assert table[("p1-1-i2", 2567)]["status"] == "achieved"
    assert ("p2-1-i1-3", 2568) not in table  # removed by the revision, in force from 2568
    assert table[("p2-i1", 2566)]["target"] == "เพิ่มขึ้นร้อยละ 3" and table[("p2-i1", 2566)]["target_value"] is None


def test_the_csv_has_a_header_of_field_names_and_no_float_noise(office):
    text = csv_bytes(rows([office])).decode("utf-8")
    header, *lines = text.splitlines()
    assert header.startswith("plan,edition,policy,indicator,parent,number,name,unit,kind,direction,year,")
    assert not any("0000000" in line for line in lines)


def test_the_data_package_is_valid_by_frictionless(built_site):
    frictionless = pytest.importorskip("frictionless", reason="frictionless is not installed (the dev extra)")
    report = frictionless.validate(str(built_site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = frictionless.Package(str(built_site / "data" / "datapackage.json"))
    resource = package.get_resource("indicators")
    assert resource.schema.primary_key == ["plan", "indicator", "year"]
    assert len(resource.read_rows()) > 100


# -- permalinks, links and units --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "target", "anchor", "link"),
    [
        ("index.html", "fam/indicators/p1.html", None, "fam/indicators/p1.html"),
        ("fam/indicators/p1.html", "index.html", "data", "../../index.html#data"),
        ("fam/indicators/p1.html", "fam/indicators/p2.html", None, "p2.html"),
        ("fam/indicators/p1.html", "fam/indicators/p1.html", "chart", "p1.html#chart"),
        ("en/fam/status.html", "fam/fam.plan.pdf", None, "../../fam/fam.plan.pdf"),
    ],
)
def test_links_are_relative_to_the_page(page, target, anchor, link):
    assert paths.href(page, target, anchor) == link


def test_the_other_language_is_the_same_page_in_the_other_tree(office):
    th = Tree("th", "")
    en = Tree("en", "en/", other=th)
    both = Tree("th", "", other=en)
    scope = Scope(office, both, "arabic")
    other = scope.place(paths.indicator(KEY, "p1-i1")).other()
    assert other is not None and (other.href, other.lang) == (f"../../en/{KEY}/indicators/p1-i1.html", "en")
    back = Scope(office, en, "arabic").place("index.html").other()
    assert back is not None and back.href == "../index.html"


def test_a_unit_code_that_is_no_safe_file_name_gets_a_digest():
    assert unit_page("1052140123") == "1052140123"
    assert unit_page("สพม ลำปาง/1").startswith("u-") and "/" not in unit_page("สพม ลำปาง/1")


def test_units_of_a_register_get_pages_and_a_list():
    office = EXAMPLES / "rollup-office" / "office"
    if not (office / "register.yaml").is_file():
        pytest.skip("the roll-up example (issue 20) is not in this tree")
    school = EXAMPLES / "rollup-office" / "schools" / "1088880012"
    histories = [History(f) for f in families([edition(office), edition(school)])]
    scope = scope_of(histories[0])
    scope.homes = {e.root.resolve(): h.family.key for h in histories for e in h.family.editions}
    key = scope.key
    listed = build_units(scope, scope.place(paths.units(key)))
    assert len(listed.units) == 13 and listed.as_of == "2567-06-10"
    assert listed.indicators  # the indicators that declare a roll-up
    page = build_unit(scope, scope.place(paths.unit(key, "1088880012")), "1088880012")
    facts = dict(page.facts)
    assert (facts["อำเภอ"], facts["ขนาด"], facts["จำนวนนักเรียน"]) == ("ท่าน้ำ", "ขนาดกลาง", "710")
    assert page.own_plan is not None and page.own_plan.href.startswith("../../index.html#")
    closed = build_unit(scope, scope.place(paths.unit(key, "1088880013")), "1088880013")
    assert dict(closed.facts)["วันที่ปิด"] == "2566-05-16"


def test_a_figure_rolled_up_from_the_units_shows_who_reported_and_who_did_not():
    office = EXAMPLES / "rollup-office" / "office"
    if not (office / "reports" / "2567.yaml").is_file():
        pytest.skip("the roll-up example's report (issue 20) is not in this tree")
    (family,) = families([edition(office)])
    scope = scope_of(History(family))
    page = build_indicator(scope, scope.place(paths.indicator(family.key, "p1-1")), "p1-1")
    (row,) = [r for r in page.rows if r.year == "2567"]
    # reports/2567.yaml: p1-1 rolled_up: reported 7, expected 12
    assert row.coverage is not None and row.coverage.text == "ส่งรายงาน 7/12 โรง"
    assert row.coverage.href.endswith(".report-2567.html#rollup-p1-1")
    missed = build_unit(scope, scope.place(paths.unit(family.key, "1088880003")), "1088880003").missed
    assert [link.href for link in missed] == ["../indicators/p1-1.html"]  # missing only from p1-1's figure


def test_a_group_of_sub_indicators_takes_its_status_from_its_parts_and_leaves_their_charts_to_them(office):
    scope = scope_of(office)
    page = build_indicator(scope, scope.place(paths.indicator(KEY, "p2-1-i1")), "p2-1-i1")
    (row,) = page.rows  # only the reported year: the group's targets are its parts'
    assert (row.year, row.targets, row.mark and row.mark.key) == ("2567", (None,), "partly-achieved")
    # judged on the edition of 2567, which had three parts; README: RT ป.1 76.2 against 77, not achieved
    assert row.reason == "ตัวชี้วัดย่อยบรรลุค่าเป้าหมาย 2 จาก 3"
    assert not page.charted and [p.href for p in page.parts] == ["p2-1-i1-1.html", "p2-1-i1-2.html"]
