#!/usr/bin/env sh
# Refresh the locks: the exact versions, with their hashes, that the README's commands and .ci/run install.
#
#   sh requirements/lock.sh                        # after a change of pyproject.toml: keep every other pin
#   sh requirements/lock.sh --upgrade              # move every pin to the newest release
#   sh requirements/lock.sh --upgrade-package pyyaml
#
# uv resolves for every platform and Python >= 3.11 at once (--universal), so the same files install on
# Linux, Windows and macOS; pip installs them (no uv needed to use the locks).
set -eu
cd "$(dirname "$0")/.."
. requirements/uv.sh
for extra in run dev; do
  if [ "$extra" = run ]; then extras=""; else extras="--extra dev"; fi
  # shellcheck disable=SC2086
  "$UV" pip compile --quiet --universal --generate-hashes --python-version 3.11 $extras "$@" \
    --custom-compile-command "sh requirements/lock.sh" pyproject.toml requirements/build.in -o "requirements/$extra.txt"
done
