#!/usr/bin/env bash
# Installs the Python tools the verification tiers need into project-local
# virtual environments under .venv/ (gitignored). Idempotent: a tool already
# installed at the pinned version is left alone, so CI can call this every run.
#
#   .venv/checkov  checkov, the second-opinion scanner (tenantform checkov)
#   .venv/moto     moto with its server extras, exactly MOTO_VERSION (a moto the
#                  machine ships is not used: the e2e tier's gaps and emulator
#                  fixes hold for this version); the tier runs its server under
#                  this interpreter through test/e2e/emulator-fixes/serve.py
#
# Needs Python >= 3.9 and access to PyPI (or a pip mirror via PIP_INDEX_URL).
set -euo pipefail

CHECKOV_VERSION="3.3.30"
# 5.2.5: the newest on PyPI; the e2e tier's gaps (test/e2e/support/moto-gaps.ts)
# and emulator fixes (test/e2e/emulator-fixes/) were verified against it.
MOTO_VERSION="5.2.5"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venvs="$root/.venv"
python="${TENANTFORM_PYTHON:-python3}"

if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-python-tools: $python not found; install Python 3.9+ or set TENANTFORM_PYTHON." >&2
  exit 1
fi

ensure_venv_package() { # name dir requirement version import-check
  local name="$1" dir="$2" requirement="$3" version="$4" probe="$5"
  if [ -x "$dir/bin/python" ] && [ "$("$dir/bin/python" -c "$probe" 2>/dev/null || true)" = "$version" ]; then
    echo "setup-python-tools: $name $version already in $dir"
    return
  fi
  echo "setup-python-tools: installing $requirement into $dir"
  "$python" -m venv "$dir"
  "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement"
}

mkdir -p "$venvs"

ensure_venv_package checkov "$venvs/checkov" "checkov==$CHECKOV_VERSION" "$CHECKOV_VERSION" \
  "from checkov.version import version; print(version)"

# Always the venv, even when the machine ships a moto: the gaps and fixes hold for exactly this version.
ensure_venv_package moto "$venvs/moto" "moto[server]==$MOTO_VERSION" "$MOTO_VERSION" \
  "import moto, moto.server; print(moto.__version__)"
