# Sourced by lock.sh and test-floors.sh: UV is uv from the PATH, or one installed into .venv-lock/.
UV=$(command -v uv || true)
if [ -z "$UV" ]; then
  python3 -m venv .venv-lock
  .venv-lock/bin/python -m pip install -q uv
  UV=.venv-lock/bin/uv
fi
