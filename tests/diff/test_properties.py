"""Properties of the diff on the real plan: no change, exactly the edits made, order never matters."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan.diff.machine import to_json
from eduplan.diff.wording import Words
from tests.diff.helpers import diff, real_data

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

INDICATORS = [(p, i) for p, policy in enumerate(real_data()["policies"]) for i in range(len(policy["indicators"]))]
STATEMENTS = [
    (p, name, i)
    for p, policy in enumerate(real_data()["policies"])
    for name in ("targets", "approaches")
    for i in range(len(policy[name]))
]


def _edit_indicator(data: dict[str, Any], where: tuple[int, int], op: str, rng: random.Random) -> set[tuple[str, str]]:
    """Apply one edit to one indicator; return the (kind, path) the diff must report for it."""
    policies = data["policies"]
    item = policies[where[0]]["indicators"][where[1]]
    ident = item["id"]
    numeric = sorted(y for y, v in item["targets"].items() if isinstance(v, int | float))
    if op == "target" and numeric:
        year = rng.choice(numeric)
        step = rng.choice([-7, -1, 1, 4])
        item["targets"][year] += step
        return {("target-raised" if step > 0 else "target-lowered", f"{ident}.targets.{year}")}
    if op == "drop-year":
        year = rng.choice(sorted(item["targets"]))
        del item["targets"][year]
        return {("target-year-removed", f"{ident}.targets.{year}")}
    if op == "add-year":
        item["targets"][2575] = 50
        return {("target-year-added", f"{ident}.targets.2575")}
    if op == "rename":
        item["name"] += " (ฉบับทบทวน)"
        return {("renamed", f"{ident}.name")}
    if op == "unit":
        item["unit"] = "คน" if item.get("unit") != "คน" else "ร้อยละ"
        return {("unit-changed", f"{ident}.unit")}
    if op == "owner":
        item["owner"] = "เจ้าของใหม่"
        return {("owner-changed", f"{ident}.owner")}
    if op == "remove":
        item["_remove"] = True
        return {("removed", ident)}
    return set()


def _apply_removals(data: dict[str, Any]) -> None:
    for policy in data["policies"]:
        policy["indicators"] = [i for i in policy["indicators"] if not i.pop("_remove", False)]


OPS = ["target", "drop-year", "add-year", "rename", "unit", "owner", "remove"]


@FAST
@given(
    picks=st.lists(st.sampled_from(INDICATORS), unique=True, min_size=1, max_size=6),
    ops=st.lists(st.sampled_from(OPS), min_size=6, max_size=6),
    statements=st.lists(st.sampled_from(STATEMENTS), unique=True, max_size=3),
    added=st.integers(0, 2),
    seed=st.integers(0, 2**16),
)
def test_random_edits_are_reported_exactly(picks, ops, statements, added, seed):
    rng = random.Random(seed)
    old, new = real_data(), real_data()
    expected: set[tuple[str, str]] = set()
    for where, op in zip(picks, ops, strict=False):
        expected |= _edit_indicator(new, where, op, rng)
    _apply_removals(new)
    for p, name, i in statements:
        statement = new["policies"][p][name][i]
        statement["text"] = "ข้อความใหม่ " + statement["text"][::-1]
        expected.add(("text-changed", f"{statement['id']}.text"))
    for n in range(added):
        policy = new["policies"][rng.randrange(len(new["policies"]))]
        policy["indicators"].insert(0, {"id": f"new-{n}", "number": "99", "name": f"ตัวชี้วัดใหม่ {n}", "kind": "count"})
        expected.add(("added", f"new-{n}"))
    found = [(c.kind.value, c.path) for c in diff(old, new).changes]
    assert sorted(found) == sorted(expected)


def test_a_plan_against_itself_is_empty_with_every_option():
    assert diff(real_data(), real_data(), report_order=True, tolerance=0).changes == []


def _shuffle(data: dict[str, Any], rng: random.Random) -> None:
    for name in ("missions", "goals", "policies"):
        rng.shuffle(data[name])
    for policy in data["policies"]:
        for name in ("targets", "approaches", "indicators"):
            rng.shuffle(policy[name])
        for item in policy["indicators"]:
            item["targets"] = dict(rng.sample(sorted(item["targets"].items()), len(item["targets"])))
    for group in data["driving_model"]["groups"]:
        rng.shuffle(group["components"])
    rng.shuffle(data["driving_model"]["groups"])
    rng.shuffle(data["qualities"]["items"])
    for quality in data["qualities"]["items"]:
        rng.shuffle(quality["measures"])


@FAST
@given(seed=st.integers(0, 2**32))
def test_shuffling_lists_reports_nothing(seed):
    new = real_data()
    _shuffle(new, random.Random(seed))
    assert diff(real_data(), new).changes == []


@FAST
@given(seed=st.integers(0, 2**32))
def test_with_report_order_a_shuffle_reports_only_reorderings(seed):
    new = real_data()
    _shuffle(new, random.Random(seed))
    assert {c.kind.value for c in diff(real_data(), new, report_order=True).changes} <= {"reordered"}


@FAST
@given(seed=st.integers(0, 2**32))
def test_diff_is_symmetric_in_what_it_finds(seed):
    """Swapping the editions swaps added and removed, raised and lowered, on the same paths."""
    rng = random.Random(seed)
    old, new = real_data(), real_data()
    for where in rng.sample(INDICATORS, 4):
        _edit_indicator(new, where, rng.choice(OPS), rng)
    _apply_removals(new)
    swap = {
        "added": "removed",
        "removed": "added",
        "target-raised": "target-lowered",
        "target-lowered": "target-raised",
    }
    swap |= {"target-year-added": "target-year-removed", "target-year-removed": "target-year-added"}
    forward = sorted((swap.get(c.kind.value, c.kind.value), c.path) for c in diff(old, new).changes)
    backward = sorted((c.kind.value, c.path) for c in diff(new, old).changes)
    assert forward == backward


def _mutate(data: dict[str, Any], rng: random.Random) -> None:
    """Random valid edits of every sort: target types, optional fields, duplicate ids, new sections."""
    for policy in data["policies"]:
        for item in policy["indicators"]:
            roll = rng.random()
            if roll < 0.1:
                year = rng.choice(sorted(item["targets"]))
                item["targets"][year] = rng.choice([{"min": 10, "max": 20}, {"max": 5}, "ดี", 0, 12.5])
            elif roll < 0.15:
                item["levels"] = rng.sample(["พอใช้", "ดี", "ดีมาก", "ดีเยี่ยม"], 3)
            elif roll < 0.2:
                item.pop(rng.choice(["unit", "owner"]), None)
            elif roll < 0.23:
                item["baseline"] = {"year": 2565, "value": rng.choice([50, {"min": 1}, "ดี"])}
            elif roll < 0.25:
                item["goals"] = rng.sample([g["id"] for g in data["goals"]], 2)
        if rng.random() < 0.1 and policy["indicators"]:
            policy["indicators"].append(copy.deepcopy(policy["indicators"][0]))  # a duplicate id
    if rng.random() < 0.3:
        data.pop(rng.choice(["vision", "driving_model", "qualities"]), None)
    if rng.random() < 0.3:
        data["labels"] = {"policy": "กลยุทธ์"}
        data["values"] = []


@FAST
@given(seed=st.integers(0, 2**32))
def test_any_two_valid_plans_diff_without_error_and_as_json(seed):
    rng = random.Random(seed)
    old, new = real_data(), real_data()
    _mutate(old, rng)
    _mutate(new, rng)
    result = diff(old, new, report_order=True)
    body = json.loads(to_json(result))
    assert body["counts"]["total"] == len(result.changes)
    assert all(c["path"] and c["detail"] for c in body["changes"])
    assert diff(new, new).changes == []
    # every change has its Thai sentence (the English one is the JSON's detail, checked above)
    thai = Words.of("th", "thai", new.get("labels"))
    assert all(thai.detail(c) for c in result.changes) and thai.summary(result)


# -- plans of every shape: levels of policies, goals stated in a policy, sub-indicators -----------------

from tests.diff.test_family import office  # noqa: E402  (the office example as data: two levels, sub-indicators)


def _numbered(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item of the policy trees with an id and a number, at every depth, in document order."""
    found: list[dict[str, Any]] = []

    def indicators(items: list[dict[str, Any]]) -> None:
        for item in items:
            found.append(item)
            indicators(item.get("indicators", []))

    def policies(items: list[dict[str, Any]]) -> None:
        for policy in items:
            found.append(policy)
            found.extend(g for g in policy.get("goals", []) if isinstance(g, dict))
            found.extend(policy.get("targets", []) + policy.get("approaches", []))
            indicators(policy.get("indicators", []))
            policies(policy.get("policies", []))

    policies(data["policies"])
    return found


NUMBERED = len(_numbered(office()))


@FAST
@given(st.sets(st.integers(0, NUMBERED - 1), min_size=1, max_size=8))
def test_renumbering_alone_is_reported_as_renumbering_at_every_depth(chosen):
    old, new = office(), office()
    items = _numbered(new)
    for n in chosen:
        items[n]["number"] = f"{items[n]['number']}.9"
    found = {(c.kind.value, c.path) for c in diff(old, new).changes}
    assert found == {("renumbered", f"{items[n]['id']}.number") for n in chosen}


@FAST
@given(st.randoms(use_true_random=False))
def test_a_sub_indicator_moved_to_another_indicator_is_one_move_and_the_plan_equals_itself(rng):
    old, new = office(), office()
    groups = [i for i in _numbered(new) if i.get("indicators")]
    group = rng.choice(groups)
    part = group["indicators"].pop(rng.randrange(len(group["indicators"])))
    target = rng.choice([i for i in _numbered(new) if "name" in i and not i.get("indicators") and i is not part])
    target.setdefault("indicators", []).append(part)
    assert kinds_of(diff(old, new)) == [("moved", part["id"])]
    assert diff(new, new).changes == [] and diff(old, old).changes == []


def kinds_of(result):
    return [(c.kind.value, c.path) for c in result.changes]


def _reshape(data: dict[str, Any], rng: random.Random) -> None:
    """Random valid edits of a two-level plan: strategies moved, targets as changes, cells, budget lines."""
    tops = data["policies"]
    if rng.random() < 0.5:
        source = rng.choice([t for t in tops if t["policies"]])
        rng.choice(tops)["policies"].append(source["policies"].pop(rng.randrange(len(source["policies"]))))
    for item in _numbered(data):
        if "targets" in item and isinstance(item["targets"], dict) and item["targets"] and rng.random() < 0.2:
            year = rng.choice(sorted(item["targets"]))
            if item.get("kind") in ("percent", "count", "score"):
                item["targets"][year] = rng.choice([{"increase": 2}, "ลดลง 1 จากปีฐาน", 75, {"min": 60}])
    table = data["context"][0]["tables"][0]
    if rng.random() < 0.5:
        table["rows"][rng.randrange(len(table["rows"]))][1] = rng.randint(0, 99)
    if rng.random() < 0.3:
        table["rows"].insert(rng.randrange(len(table["rows"]) + 1), ["ใหม่", 1, 2, 3])
    if rng.random() < 0.3:
        data["budget_frame"]["lines"].pop(0)


@FAST
@given(seed=st.integers(0, 2**32))
def test_any_reshaped_two_level_plan_diffs_worded_and_as_json(seed):
    rng = random.Random(seed)
    old, new = office(), office()
    _reshape(new, rng)
    result = diff(old, new)
    body = json.loads(to_json(result))
    assert body["counts"]["total"] == len(result.changes)
    thai = Words.of("th", "thai", new.get("labels"), new["hierarchy"])
    assert all(thai.detail(c) and "{" not in thai.detail(c) for c in result.changes)
    assert diff(new, new).changes == []
    assert len(diff(new, old).changes) == len(result.changes)  # each change is seen from both sides
