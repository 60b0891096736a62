#!/usr/bin/env sh
# Test the floors: the whole suite with every runtime dependency (and the `thai` extra) at the lower bound that
# pyproject.toml states, in a fresh venv made outside the work tree.
#
#   sh requirements/test-floors.sh                    # every runtime dependency at its floor
#   sh requirements/test-floors.sh 'typer==0.16.0'    # the same, one or more of them moved (to bisect a floor)
#
# uv resolves with --resolution lowest-direct: the direct runtime dependencies at their floors, what they
# depend on at the newest release they allow (an old typer is run with today's click). The dev tools stay
# at their locked versions (requirements/dev.txt), so only the runtime dependencies differ from the locked run.
# The venv is ${FLOORS_VENV:-/tmp/eduplan-floors}, made anew on every run; the versions it ran with are printed
# before the suite runs.
set -eu
cd "$(dirname "$0")/.."
. requirements/uv.sh
VENV=${FLOORS_VENV:-${TMPDIR:-/tmp}/eduplan-floors}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The dev tools and the build backend, pinned as requirements/dev.txt locks them; the runtime dependencies
# come from pyproject.toml (their floors), or from the command line (overrides).
python3 - "$work" "$@" <<'EOF'
import re, sys, tomllib
from pathlib import Path

work, overrides = Path(sys.argv[1]), sys.argv[2:]
project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]

def name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")

runtime = {name(r) for r in project["dependencies"] + project["optional-dependencies"]["thai"]}
def extras(requirement: str) -> str:
    found = re.search(r"\[[^\]]*\]", requirement.split(";")[0])
    return found.group() if found else ""

dev = project["optional-dependencies"]["dev"]
tools = [(name(r), extras(r)) for r in dev]  # pagefind[bin]: the extra that brings the binary
tools += [(name(line), "") for line in Path("requirements/build.in").read_text().splitlines() if line.strip()[:1].isalpha()]
locked = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==([^\s;]+)", Path("requirements/dev.txt").read_text(), re.M))
(work / "tools.in").write_text("".join(f"{t}{x}=={locked[t]}\n" for t, x in tools if t not in runtime))
(work / "overrides.txt").write_text("".join(f"{o}\n" for o in overrides))
EOF

"$UV" pip compile --quiet --resolution lowest-direct --python-version 3.11 --extra thai \
  --overrides "$work/overrides.txt" pyproject.toml "$work/tools.in" -o "$work/floors.txt"
rm -rf "$VENV"
"$UV" venv --quiet --python 3.11 "$VENV"
VIRTUAL_ENV="$VENV" "$UV" pip install --quiet -r "$work/floors.txt"
VIRTUAL_ENV="$VENV" "$UV" pip install --quiet --no-deps --no-build-isolation -e .
echo "test-floors: ran with" $(VIRTUAL_ENV="$VENV" "$UV" pip freeze --exclude-editable |
  grep -iE '^(typer|typer-slim|click|pyyaml|jinja2|markupsafe|pydantic|pydantic-core|rich|openpyxl|fontpkg-sarabun|pythainlp)==')
"$VENV/bin/python" -c 'import yaml; assert yaml.__with_libyaml__, "PyYAML without libyaml"'
"$VENV/bin/python" -m pytest -q -p no:cacheprovider
