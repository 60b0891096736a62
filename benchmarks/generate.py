"""Generate N realistic plans for benchmarks: school-sized and office-sized, in the real plan's shape.

Usage: .venv/bin/python benchmarks/generate.py DIR [-n 1000] [--seed 0] [--offices 0.02] [--defects 0.05]

A school plan is one YAML file (2-4 policies, 5-15 indicators); an office plan is a directory
like the shipped one (plan.yaml + policies/N.yaml, 40-50 indicators). Each plan lies in its own
folder, ``DIR/<thousand>/school-000123/plan.yaml``, so that ``eduplan validate DIR`` finds them
all. Texts are put together from phrases of the shipped plan (see phrases.py); targets are
BE years 2566-2570 going the indicator's way, with ranges, levels, baselines and a few
"maintain" indicators. A seeded share of plans carries one realistic defect (a target going
backwards, a missing unit, a missing owner, a double space, an empty year), so that validate
has something to report; every other plan validates clean.

Each plan is drawn from its own random stream (seed and index), so the output is the same bytes
for the same arguments, and the first 1,000 plans of 30,000 are the 1,000 plans of a run with
``-n 1000``. Text is written from string templates, not through a YAML emitter: 30,000 plans
take a few seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import phrases as ph

__all__ = ["DEFECTS", "Summary", "generate", "plan_texts"]

YEARS = tuple(range(2566, 2571))
DEFECTS = {"backwards": "TG02", "no-unit": "UN01", "no-owner": "MD01", "double-space": "TX07", "missing-year": "TG04"}
"""Injected defects and the finding code each one gives."""

_STAGES = ("", "ระดับประถมศึกษา", "ระดับมัธยมศึกษาตอนต้น", "ระดับมัธยมศึกษาตอนปลาย")
_OFFICE_PERCENT = tuple(
    f"ร้อยละของ{subject}{stage}{predicate}"
    for subject, predicate in ph.PERCENT_HIGHER
    for stage in (_STAGES if subject == "นักเรียน" else ("",))
)
_SCHOOL_PERCENT = tuple(n for n in _OFFICE_PERCENT if not n.startswith(("ร้อยละของสถานศึกษา", "ร้อยละของหน่วยงาน")))


@dataclass
class Summary:
    """What :func:`generate` wrote."""

    plans: int = 0
    offices: int = 0
    files: int = 0
    bytes: int = 0
    indicators: int = 0
    defects: Counter[str] = field(default_factory=Counter)


@dataclass
class _Indicator:
    name: str
    unit: str | None
    kind: str
    values: list[float | str | tuple[int, int] | None]
    owner: str | None
    direction: str = "higher-is-better"
    levels: bool = False
    baseline: float | str | None = None
    goal: int | None = None


def generate(directory: str | Path, n: int, seed: int = 0, offices: float = 0.02, defects: float = 0.05) -> Summary:
    """Write ``n`` plans under ``directory`` and tell what was written.

    Args:
        directory: Where to write (created when missing).
        n: How many plans.
        seed: Seed of the random streams; the same arguments give the same bytes.
        offices: Share of office-sized plans (directories); the rest are school plans. The default
            is about twice the national share (245 area offices for 29,000 schools).
        defects: Share of plans given one injected defect (see ``DEFECTS``).
    """
    root = Path(directory)
    summary = Summary()
    for index in range(1, n + 1):
        folder = root / f"{index // 1000:03d}"
        name, files, stats = plan_texts(index, seed, offices, defects)
        target = folder / name
        target.mkdir(parents=True, exist_ok=True)
        for relative, text in files.items():
            path = target / relative
            if relative != "plan.yaml":
                path.parent.mkdir(exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            summary.bytes += len(data)
        summary.plans += 1
        summary.offices += name.startswith("office")
        summary.files += len(files)
        summary.indicators += stats["indicators"]
        summary.defects.update(k for k in DEFECTS if stats.get(k))
    return summary


def plan_texts(index: int, seed: int, offices: float, defects: float) -> tuple[str, dict[str, str], Counter[str]]:
    """The folder name, files (relative path -> YAML text) and counts of plan number ``index``."""
    rng = random.Random(f"eduplan-bench:{seed}:{index}")
    office = rng.random() < offices
    stats: Counter[str] = Counter()
    if office:
        province = rng.choice(ph.PROVINCES)
        area = rng.randint(1, 4)
        short, full = f"สพป.{province} เขต {area}", f"สำนักงานเขตพื้นที่การศึกษาประถมศึกษา{province} เขต {area}"
        name, unit = f"office-{index:06d}", full
        title = f"แผนพัฒนาการศึกษาขั้นพื้นฐานของ {short} (พ.ศ.2566-2570)"
        policies, per_plan = rng.randint(4, 6), rng.randint(40, 50)
        owners = rng.sample(ph.OFFICE_OWNERS, rng.randint(4, 7))
        missions, goals = len(ph.MISSIONS), rng.randint(6, len(ph.GOALS))
    else:
        full = rng.choice(ph.SCHOOL_FORMS).format(rng.choice(ph.PLACES))
        short, name, unit = "", f"school-{index:06d}", "สถานศึกษา"
        title = f"แผนพัฒนาคุณภาพการศึกษาของ{full} (พ.ศ.2566-2570)"
        policies, per_plan = rng.randint(2, 4), rng.randint(5, 15)
        owners = rng.sample(ph.SCHOOL_OWNERS, rng.randint(3, 5))
        missions, goals = rng.randint(3, 5), rng.randint(3, 5)
    sizes = _split(rng, per_plan, policies)
    names: list[str] = []
    tables = [[_indicator(rng, names, office, owners, goals) for _ in range(size)] for size in sizes]
    if rng.random() < defects:
        stats[_inject(rng, [i for t in tables for i in t])] += 1
    stats["indicators"] = per_plan
    head = _head(rng, name, title, full, short, unit, missions, goals, index, seed)
    if office:
        files = {"plan.yaml": head}
        for p, table in enumerate(tables, 1):
            files[f"policies/{p}.yaml"] = _policy(rng, p, table, goals, "")
        return name, files, stats
    body = "".join(_policy(rng, p, table, goals, "  ") for p, table in enumerate(tables, 1))
    return name, {"plan.yaml": head + "policies:\n" + body}, stats


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` indicators over ``parts`` policies, at least one each."""
    sizes = [1] * parts
    for _ in range(total - parts):
        sizes[rng.randrange(parts)] += 1
    return sizes


def _indicator(rng: random.Random, names: list[str], office: bool, owners: list[str], goals: int) -> _Indicator:
    roll = rng.random()
    owner = rng.choice(owners)
    if roll < 0.68:
        ind = _percent(rng, names, office, owner)
    elif roll < 0.74:
        start = rng.choice((2, 3, 4, 5, 8, 10))
        step = rng.choice((0.5, 1)) if start < 8 else rng.choice((1, 2))
        values: list[float | str | tuple[int, int] | None] = [max(0.0, start - k * step) for k in range(5)]
        ind = _Indicator(rng.choice(ph.PERCENT_LOWER), "ร้อยละ", "percent", values, owner, "lower-is-better")
    elif roll < 0.86:
        text, unit, start, step = rng.choice(ph.COUNTS)
        counts = [max(1, round(start * rng.uniform(0.5, 3)))]
        for _ in range(4):
            counts.append(counts[-1] + step * rng.randint(0, 2))
        ind = _Indicator(text, unit, "count", [*counts], owner)
    elif roll < 0.94:
        first = rng.randrange(300, 560, 5) / 10
        step = rng.choice((0.5, 1.0, 1.5, 2.0))
        ind = _Indicator(ph.SCORE.format(rng.choice(ph.SUBJECTS)), "คะแนน", "score", [], owner)
        ind.values = [round(first + k * step, 1) for k in range(5)]
    else:
        first = rng.randint(1, 3)
        steps = sorted(min(4, first + rng.randint(0, 2)) for _ in range(5))
        ind = _Indicator(ph.LEVEL, "ระดับ", "level", [ph.LEVELS[s] for s in steps], owner, levels=True)
    first_value = ind.values[0]
    if isinstance(first_value, int | float) and rng.random() < 0.25:
        ind.baseline = first_value if ind.direction == "lower-is-better" else max(0, first_value - 5)
    elif ind.levels and rng.random() < 0.25:
        ind.baseline = ph.LEVELS[max(0, ph.LEVELS.index(str(ind.values[0])) - 1)]
    if rng.random() < 0.3:
        ind.goal = rng.randint(1, goals)
    return ind


def _percent(rng: random.Random, names: list[str], office: bool, owner: str) -> _Indicator:
    """A percentage indicator; its name is drawn from ``names`` (the plan's shuffled deck, refilled when empty)."""
    if not names:
        pool = _OFFICE_PERCENT if office else _SCHOOL_PERCENT
        names.extend(rng.sample(pool, len(pool)))
    ind = _Indicator(names.pop(), "ร้อยละ", "percent", [], owner)
    shape = rng.random()
    if shape < 0.05:  # a value to keep every year
        ind.direction, ind.values = "maintain", [100] * 5
    elif shape < 0.10:  # ranges, such as 70-80 in 2566
        low, step = rng.randrange(50, 80, 5), rng.choice((0, 2, 5))
        ind.values = [(low + k * step, min(100, low + k * step + 10)) for k in range(5)]
    else:
        first, step = rng.randrange(50, 100, 5), rng.choice((0, 1, 2, 3, 5, 5, 5, 10))
        ind.values = [min(100, first + k * step) for k in range(5)]
    return ind


def _inject(rng: random.Random, indicators: list[_Indicator]) -> str:
    """Give one indicator one defect; return which."""
    defect = rng.choice(tuple(DEFECTS))
    if defect == "backwards":
        fit = [i for i in indicators if i.direction == "higher-is-better" and isinstance(i.values[0], int | float)]
        if fit:
            victim = rng.choice(fit)
            first = victim.values[0]
            assert isinstance(first, int | float)
            victim.values[1] = first - 1 if first >= 1 else first
            if first >= 1:
                return defect
        defect = "no-unit"
    victim = rng.choice(indicators)
    if defect == "no-unit":
        victim.unit = None
    elif defect == "no-owner":
        victim.owner = None
    elif defect == "double-space":
        victim.name = victim.name.replace(" ", "  ", 1) if " " in victim.name else victim.name + "  ทุกระดับ"
    else:
        victim.values[rng.randint(1, 3)] = None
    return defect


def _head(
    rng: random.Random,
    name: str,
    title: str,
    full: str,
    short: str,
    unit: str,
    missions: int,
    goals: int,
    index: int,
    seed: int,
) -> str:
    lines = [
        f"id: {name}-2566-2570",
        f"title: {title}",
        "office:",
        f"  name: {full}",
        *([f"  short_name: {short}"] if short else []),
        "period:",
        "  start: 2566",
        "  end: 2570",
        "source:",
        f"  note: Generated by benchmarks/generate.py (seed {seed}, plan {index}) from phrases of the shipped plan.",
        f"vision: {rng.choice(ph.VISIONS)}",
        "missions:",
    ]
    for k, text in enumerate(sorted(rng.sample(range(len(ph.MISSIONS)), missions)), 1):
        lines += [f"  - id: m{k}", f'    number: "{k}"', f"    text: {ph.MISSIONS[text]}"]
    lines.append("goals:")
    for k, text in enumerate(sorted(rng.sample(range(len(ph.GOALS)), goals)), 1):
        lines += [f"  - id: g{k}", f'    number: "{k}"', f"    text: {ph.GOALS[text].format(unit=unit)}"]
    lines += ["values:", f"  - {rng.choice(ph.VALUES)}", ""]
    return "\n".join(lines)


def _policy(rng: random.Random, p: int, table: list[_Indicator], goals: int, pad: str) -> str:
    """A policy: a file of its own (pad "") or an item of the plan's list (pad "  ")."""
    first = f"{pad}- " if pad else ""
    inner = pad + "  " if pad else ""
    lines = [f"{first}id: p{p}", f'{inner}number: "{p}"', f"{inner}title: {ph.POLICIES[p - 1]}"]
    if rng.random() < 0.5:
        lines.append(f"{inner}goals: [{', '.join(f'g{g}' for g in sorted(rng.sample(range(1, goals + 1), 2)))}]")
    for key, pool, part, count in (("targets", ph.TARGETS, 1, (2, 5)), ("approaches", ph.APPROACHES, 2, (2, 8))):
        lines.append(f"{inner}{key}:")
        for k, text in enumerate(rng.sample(pool, rng.randint(*count)), 1):
            letter = key[0]
            lines += [
                f"{inner}  - id: p{p}-{letter}{k}",
                f'{inner}    number: "{p}.{part}.{k}"',
                f"{inner}    text: {text}",
            ]
    lines.append(f"{inner}indicators:")
    for k, ind in enumerate(table, 1):
        lines += _indicator_lines(ind, f"p{p}-i{k}", k, inner + "  ")
    return "\n".join(lines) + "\n"


def _indicator_lines(ind: _Indicator, item_id: str, number: int, pad: str) -> list[str]:
    lines = [f"{pad}- id: {item_id}", f'{pad}  number: "{number}"', f"{pad}  name: {ind.name}"]
    if ind.unit is not None:
        lines.append(f"{pad}  unit: {ind.unit}")
    lines.append(f"{pad}  kind: {ind.kind}")
    if ind.direction != "higher-is-better":
        lines.append(f"{pad}  direction: {ind.direction}")
    if ind.levels:
        lines.append(f"{pad}  levels: [{', '.join(ph.LEVELS)}]")
    if ind.baseline is not None:
        lines.append(f"{pad}  baseline: {{year: 2565, value: {_value(ind.baseline)}}}")
    cells = ", ".join(f"{year}: {_value(v)}" for year, v in zip(YEARS, ind.values, strict=True) if v is not None)
    lines.append(f"{pad}  targets: {{{cells}}}")
    if ind.owner is not None:
        lines.append(f"{pad}  owner: {ind.owner}")
    if ind.goal is not None:
        lines.append(f"{pad}  goals: [g{ind.goal}]")
    return lines


def _value(value: float | str | tuple[int, int]) -> str:
    if isinstance(value, tuple):
        return f"{{min: {value[0]}, max: {value[1]}}}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)


def main(argv: list[str] | None = None) -> None:
    """Generate plans from the command line and say how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("-n", type=int, default=1000, help="number of plans (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--offices", type=float, default=0.02, help="share of office-sized plans (default 0.02)")
    parser.add_argument("--defects", type=float, default=0.05, help="share of plans with a defect (default 0.05)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    done = generate(args.directory, args.n, args.seed, args.offices, args.defects)
    seconds = time.perf_counter() - start
    defects = ", ".join(f"{DEFECTS[k]} {k} {v}" for k, v in sorted(done.defects.items())) or "none"
    print(
        f"{done.plans} plans ({done.plans - done.offices} schools, {done.offices} offices), {done.files} files, "
        f"{done.bytes / 1e6:.1f} MB, {done.indicators} indicators in {seconds:.1f} s; defects: {defects}"
    )


if __name__ == "__main__":
    main()
