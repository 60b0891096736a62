"""The roll-up at national scale: 30,000 schools' returns, against the bare read of the same files.

Usage: .venv/bin/python benchmarks/rollup.py [--schools 30000] [--offices 245] [--keep DIR] [--rounds 1]

It generates one plan whose register lists every school (``register/<office>.yaml``, one file per office, as a
national register is kept) and six indicators that declare a roll-up (two ratios, a share of a level, a mean
weighted by students, a sum, a count of yes), and the returns of fiscal year 2567 as ``eduplan collect`` makes
them: one workbook per office, a row per school (``--one-workbook`` forms), filled in with realistic numbers and
defects: schools that did not report (6%), ไม่มีข้อมูล (2%), a numerator above its denominator (1%), words in a
number cell (0.5%), an office that sent its workbook twice, a PDF among the workbooks. Then each measured step is a
fresh process (interpreter start-up on every side):

- ``bare read``: openpyxl opens every returned workbook (values only, read-only mode) and walks every cell: the
  floor of anything that reads these files;
- ``gather``: load the plan (its 30,000 units) and read the returns with eduplan's reader
  (:func:`eduplan.collect.returns.gather`: every cell judged and located);
- ``rollup``: ``eduplan rollup PLAN --year 2567 -f json``, the whole command (load, rules RG and RU, gather, the
  engine, the output);
- ``engine``: the engine alone (:func:`eduplan.rollup.engine.roll_up`) over the gathered returns, timed inside the
  process that gathered them.

It prints a Markdown table: wall seconds, the ratio to the bare read, and the peak memory (the kernel's peak RSS of
the process). ``--keep DIR`` keeps (and reuses) the generated files.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

YEAR = 2567
SIZES = ("small", "medium", "large", "extra-large")
LEVELS = ["ปรับปรุง", "พอใช้", "ดี", "ดีมาก", "ยอดเยี่ยม"]

PLAN = """\
id: bench-national
title: แผนพัฒนาการศึกษา (ทดสอบความเร็วการรวมข้อมูล)
office: {name: สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน, code: obec}
period: {start: 2566, end: 2570}
"""

POLICY = """\
id: p1
number: '1'
title: คุณภาพผู้เรียน
indicators:
  - {id: read, number: '1', name: ร้อยละของนักเรียนที่อ่านออกเขียนได้, unit: ร้อยละ, kind: percent, owner: สพฐ.,
     targets: {2567: 80}, rollup: {method: ratio, coverage_min: 80, collect: {
       numerator: {label: จำนวนนักเรียนที่อ่านออกเขียนได้, unit: คน}, denominator: {label: จำนวนนักเรียนทั้งหมด, unit: คน}}}}
  - {id: pass, number: '2', name: ร้อยละของนักเรียนที่มีผลสัมฤทธิ์ระดับ 3 ขึ้นไป, unit: ร้อยละ, kind: percent, owner: สพฐ.,
     targets: {2567: 60}, rollup: {method: ratio, collect: {
       numerator: {label: จำนวนนักเรียนที่ได้ระดับ 3 ขึ้นไป, unit: คน},
       denominator: {label: จำนวนนักเรียนที่มีผลการเรียน, unit: คน}}}}
  - {id: sar, number: '3', name: ร้อยละของสถานศึกษาที่มีผลการประเมินตนเองระดับดีขึ้นไป, unit: ร้อยละ, kind: percent,
     owner: สพฐ., targets: {2567: 85}, rollup: {method: share, condition: {level_at_least: ดี},
       collect: {value: {label: ผลการประเมินตนเอง มาตรฐานที่ 1, levels: [ปรับปรุง, พอใช้, ดี, ดีมาก, ยอดเยี่ยม]}}}}
  - {id: onet, number: '4', name: คะแนนเฉลี่ย O-NET ชั้น ม.3, unit: คะแนน, kind: score, owner: สพฐ., targets: {2567: 35},
     rollup: {method: mean, weight: students, scope: {levels: [lower-secondary]},
       collect: {value: {label: คะแนนเฉลี่ย O-NET ชั้น ม.3 ของสถานศึกษา, unit: คะแนน}}}}
  - {id: dropout, number: '5', name: จำนวนนักเรียนที่ออกกลางคัน, unit: คน, kind: count, direction: lower-is-better,
     owner: สพฐ., targets: {2567: 0}, rollup: {method: sum, collect: {value: {label: จำนวนนักเรียนที่ออกกลางคัน, unit: คน}}}}
  - {id: care, number: '6', name: จำนวนสถานศึกษาที่มีระบบดูแลช่วยเหลือนักเรียน, unit: โรงเรียน, kind: count, owner: สพฐ.,
     targets: {2567: 30000}, rollup: {method: count, condition: {yes: true},
       collect: {value: {label: มีระบบดูแลช่วยเหลือนักเรียนครบ 5 ขั้นตอน, yes_no: true}}}}
"""


def generate(root: Path, schools: int, offices: int, seed: int = 7) -> None:
    """The plan, its register (one file per office) and the offices' returned workbooks, with defects."""
    import openpyxl  # only to generate

    from eduplan.collect.form import forms_of
    from eduplan.collect.write import form_bytes
    from eduplan.load.whole import load_whole

    rng = random.Random(seed)
    (root / "policies").mkdir(parents=True)
    (root / "register").mkdir()
    (root / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (root / "policies" / "1.yaml").write_text(POLICY, encoding="utf-8")
    per = -(-schools // offices)
    made = 0
    for o in range(offices):
        office = f"{10 + o % 77:02d}{o:06d}"
        lines = ["units:"] if o else ["as_of: 2567-06-10", "units:"]
        lines.append(f'  - {{code: "{office}", name: สำนักงานเขตพื้นที่การศึกษา {o}, kind: office, parent: obec}}')
        for s in range(min(per, schools - made)):
            code = f"10{o:04d}{s:04d}"
            size = rng.choices(SIZES, weights=(45, 35, 15, 5))[0]
            students = {"small": rng.randint(20, 120), "medium": rng.randint(121, 719)}.get(
                size, rng.randint(720, 3000)
            )
            levels = rng.choice(
                ["[primary]", "[lower-secondary]", "[primary, lower-secondary]", "[lower-secondary, upper-secondary]"]
            )
            lines.append(
                f'  - {{code: "{code}", name: โรงเรียน{o}-{s}, parent: "{office}", district: อำเภอ{o}-{s % 9},'
                f" province: จังหวัด{o % 77}, size: {size}, levels: {levels}, students: {students}}}"
            )
            made += 1
        (root / "register" / f"{office}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan, _loaded = load_whole(root)
    [form], _skipped = forms_of(plan, YEAR, one_workbook=True)
    returns = root / "returns" / str(YEAR)
    returns.mkdir(parents=True)
    by_office: dict[str, list[object]] = {}
    parents = {u.code: u.parent for u in plan.unit_register.units}
    for asked in form.units:
        by_office.setdefault(str(parents[asked.code]), []).append(asked)
    for n, (office, units) in enumerate(by_office.items()):
        one = dataclasses.replace(form, units=tuple(units))
        data = _filled(form_bytes(one, "ปีงบประมาณ"), rng, openpyxl)
        (returns / f"{office}.xlsx").write_bytes(data)
        if n == 3:  # an office that sent its workbook twice: both are left out (RT06)
            (returns / f"{office} (1).xlsx").write_bytes(data)
    (returns / "ส่งผล.pdf").write_bytes(b"%PDF-1.4 not a workbook\n")


def _filled(data: bytes, rng: random.Random, openpyxl: object) -> bytes:
    """A form filled in as the schools would: numbers, levels, yes/no, with the defects of real returns."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    record = [tuple(r) for r in book["eduplan-form"].iter_rows(values_only=True)]
    sheet = book[next(str(r[1]) for r in record if r[0] == "sheet")]
    answers: dict[str, dict[tuple[str, str], str]] = {}
    for r in record:
        if r[0] == "answer":
            answers.setdefault(str(r[2]), {})[(str(r[3]), str(r[4]))] = str(r[1])
    for cells in answers.values():
        if rng.random() < 0.06:
            continue  # did not report
        no_data = rng.random() < 0.02
        pairs: dict[str, tuple[int, int]] = {}
        for (indicator, key), ref in cells.items():
            sheet[ref] = "ไม่มีข้อมูล" if no_data else _answer(indicator, key, rng, pairs)
        if rng.random() < 0.01 and ("read", "numerator") in cells:
            sheet[cells[("read", "numerator")]] = 999_999  # above its denominator
        if rng.random() < 0.005 and ("dropout", "value") in cells:
            sheet[cells[("dropout", "value")]] = "สาม"  # words in a number cell
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _answer(indicator: str, key: str, rng: random.Random, pairs: dict[str, tuple[int, int]]) -> object:
    if key in ("numerator", "denominator"):
        if indicator not in pairs:
            total = rng.randint(20, 800)
            pairs[indicator] = (rng.randint(int(total * 0.4), total), total)
        return pairs[indicator][0 if key == "numerator" else 1]
    if indicator == "sar":
        return rng.choices(LEVELS, weights=(3, 12, 40, 35, 10))[0]
    if indicator == "onet":
        return round(rng.uniform(20, 50), 2)
    if indicator == "care":
        return rng.choice(["ใช่", "ใช่", "ใช่", "ไม่ใช่"])
    return rng.choice([0, 0, 0, 1, 2, 5])


# -- the measured steps, each in a fresh process ---------------------------------------------------


def step(name: str, root: Path) -> dict[str, float]:
    """One step in this process (``--step``): its wall seconds (and, for ``gather``, the engine's)."""
    start = time.perf_counter()
    out: dict[str, float] = {}
    if name == "bare":
        import openpyxl

        cells = 0
        for file in sorted((root / "returns" / str(YEAR)).glob("*.xlsx")):
            book = openpyxl.load_workbook(file, read_only=True, data_only=True)
            cells += sum(
                1 for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None
            )
            book.close()
        out["cells"] = cells
    elif name == "gather":
        import datetime as dt

        from eduplan.collect.returns import gather
        from eduplan.load.whole import load_whole
        from eduplan.rollup.engine import roll_up

        plan, loaded = load_whole(root)
        gathered = gather(plan, loaded, YEAR, today=dt.date(2567, 12, 31))
        out["returns"] = len(gathered.returns)
        out["findings"] = len(gathered.findings)
        out["read"] = time.perf_counter() - start
        engine = time.perf_counter()
        result = roll_up(plan, gathered.returns, YEAR, source=loaded.source)
        out["engine"] = time.perf_counter() - engine
        out["read_coverage"] = float(result.figures[0].total.coverage or 0)
    out["seconds"] = time.perf_counter() - start
    return out


def run(argv: list[str]) -> tuple[dict[str, float], float, float]:
    """A fresh process: what it printed last (JSON), its wall seconds and its peak RSS in MB."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):  # 1: the returns' defects are findings
            sys.exit(f"{' '.join(argv)}: exit {code}")
        out.seek(0)
        lines = out.read().decode("utf-8").strip().splitlines()
    try:
        data = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    except json.JSONDecodeError:
        data = {}
    return data, wall, usage.ru_maxrss / 1024


def main() -> None:
    """Generate (or reuse) the files, run each step, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=30_000)
    parser.add_argument("--offices", type=int, default=245)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the generated files here")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--step", choices=["bare", "gather"], help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(step(args.step, args.root)))
        return
    base = args.keep or Path(tempfile.mkdtemp(prefix="eduplan-rollup-"))
    root = base / f"national-{args.schools}"
    try:
        if not (root / "plan.yaml").exists():
            started = time.perf_counter()
            print(f"generating {args.schools:,} schools in {args.offices} offices into {root} ...", file=sys.stderr)
            generate(root, args.schools, args.offices)
            print(f"generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        me = [sys.executable, __file__, "--root", str(root), "--step"]
        cli = [sys.executable, "-m", "eduplan", "rollup", str(root), "--year", str(YEAR), "-f", "json"]
        rows: dict[str, list[tuple[dict[str, float], float, float]]] = {"bare": [], "gather": [], "rollup": []}
        for _round in range(args.rounds):
            for name in rows:
                print(f"running {name} ...", file=sys.stderr)
                rows[name].append(run(cli if name == "rollup" else [*me, name]))
        _table(rows, args.schools, root)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


def _table(rows: dict[str, list[tuple[dict[str, float], float, float]]], schools: int, root: Path) -> None:
    best = {name: min(runs, key=lambda r: r[1]) for name, runs in rows.items()}
    bare = best["bare"][1]
    files = len(list((root / "returns" / str(YEAR)).iterdir()))
    gathered = best["gather"][0]
    print(
        f"roll-up of {schools:,} schools' returns ({files} files, {int(best['bare'][0].get('cells', 0)):,} cells), "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, rusage peak RSS"
    )
    print()
    print("| step | seconds | × bare read | peak MB |")
    print("|---|---:|---:|---:|")
    names = {
        "bare": "bare read (openpyxl, every cell)",
        "gather": "load plan + read returns (eduplan's reader)",
        "rollup": "`eduplan rollup -f json` (whole command)",
    }
    for name, (_data, wall, peak) in best.items():
        print(f"| {names[name]} | {wall:.1f} | {wall / bare:.2f} | {peak:.0f} |")
    print(
        f"| engine alone (6 indicators × total, district, province, size) | {gathered.get('engine', 0):.2f} | "
        f"{gathered.get('engine', 0) / bare:.3f} | - |"
    )
    print()
    print(
        f"returns counted: {int(gathered.get('returns', 0)):,}; findings: {int(gathered.get('findings', 0)):,}; "
        f"coverage of `read`: {gathered.get('read_coverage', 0):.1f}%"
    )


if __name__ == "__main__":
    main()
