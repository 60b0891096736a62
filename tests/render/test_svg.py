"""The per-indicator SVG chart: well-formed, escaped, one marker per value, actuals when reported."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from eduplan.render.svg import ChartText, trajectory_chart

NS = {"svg": "http://www.w3.org/2000/svg"}
YEARS = [2566, 2567, 2568, 2569, 2570]


def words(title: str = "ตัวชี้วัดที่ 1") -> ChartText:
    return ChartText(
        title=title,
        target="ค่าเป้าหมาย",
        actual="ผลการดำเนินงาน",
        years=[str(y) for y in YEARS],
        number=lambda n: f"{n:g}",
        value=lambda v: v if isinstance(v, str) else f"{v}",
    )


def parse(svg: str | None) -> ET.Element:
    assert svg is not None
    return ET.fromstring(svg)


def texts(root: ET.Element, cls: str) -> list[str]:
    return [t.text or "" for t in root.iterfind("svg:text", NS) if t.get("class") == cls]


def test_one_round_marker_and_label_per_target():
    root = parse(trajectory_chart(YEARS, {2566: 80, 2567: 85, 2569: 95}, {}, words(), percent=True))
    assert len(root.findall("svg:circle", NS)) == 3
    assert texts(root, "target") == ["80", "85", "95"]
    assert texts(root, "year") == [str(y) for y in YEARS]
    assert texts(root, "tick") == ["0", "50", "100"]  # percentages near 100 use the whole scale
    assert root.find("svg:polyline", NS) is not None
    assert root.get("role") == "img" and root.get("aria-label") == "ตัวชี้วัดที่ 1"


def test_small_percentages_get_a_scale_that_shows_them():
    root = parse(trajectory_chart(YEARS, {2566: 1.5, 2570: 0.5}, {}, words(), percent=True))
    assert texts(root, "tick") == ["0", "1", "2"]


def test_actuals_are_squares_with_a_legend():
    root = parse(trajectory_chart(YEARS, {2566: 80, 2567: 85}, {2566: 82.5}, words()))
    squares = [r for r in root.findall("svg:rect", NS) if r.get("width") == "5"]
    assert len(squares) == 1
    assert texts(root, "actual") == ["82.5"]
    assert texts(root, "legend") == ["ค่าเป้าหมาย", "ผลการดำเนินงาน"]


def test_ranges_are_bars_and_levels_need_a_scale():
    root = parse(trajectory_chart(YEARS, {2566: (70.0, 80.0)}, {}, words()))
    assert [r.get("width") for r in root.findall("svg:rect", NS)] == ["6"]
    assert trajectory_chart(YEARS, {2566: "ดีมาก"}, {}, words()) is None
    root = parse(trajectory_chart(YEARS, {2566: "ดี", 2567: "ดีมาก"}, {}, words(), levels=["พอใช้", "ดี", "ดีมาก"]))
    assert texts(root, "target") == ["ดี", "ดีมาก"]


def test_text_is_escaped():
    svg = trajectory_chart(YEARS, {2566: "<b>&"}, {}, words('<script>"x"</script>'), levels=["<b>&"])
    root = parse(svg)  # well-formed XML despite the markup characters
    assert texts(root, "target") == ["<b>&"]
    assert root.get("aria-label") == '<script>"x"</script>'
    assert svg is not None and "<script" not in svg and "<b>" not in svg


def test_nothing_numeric_gives_no_chart():
    assert trajectory_chart(YEARS, {}, {}, words()) is None


def test_a_report_year_is_shaded_only_when_it_is_on_the_axis():
    root = parse(trajectory_chart(YEARS, {2566: 80, 2567: 85}, {2566: 82.5}, words(), highlight=2567))
    shaded = [r for r in root.findall("svg:rect", NS) if r.get("class") == "highlight"]
    assert len(shaded) == 1
    assert root[0] is shaded[0]  # drawn first: behind the grid and the lines
    plain = parse(trajectory_chart(YEARS, {2566: 80}, {}, words(), highlight=2590))
    assert not [r for r in plain.findall("svg:rect", NS) if r.get("class") == "highlight"]


def test_each_status_has_a_mark_of_its_own_shape():
    from eduplan.render.svg import STATUS_SHAPES, status_icon

    shapes = set()
    for status in STATUS_SHAPES:
        root = parse(status_icon(status))
        assert root.get("aria-hidden") == "true"
        shapes.add(tuple(child.tag.split("}")[1] + (child.get("d") or "") for child in root))
    assert len(shapes) == len(STATUS_SHAPES) == 6  # told apart in black and white, not by colour alone
