#!/usr/bin/env bash
# Installs the Python tools the verification tiers need into project-local
# virtual environments under .venv/ (gitignored). Idempotent: a tool already
# installed at the pinned version is left alone, so CI can call this every run.
#
#   .venv/checkov  checkov, the second-opinion scanner (tenantform checkov)
#   .venv/moto     moto's server, only when the machine has no moto_server at
#                  least as new as MOTO_VERSION (the image ships one)
#
# Needs Python >= 3.9 and access to PyPI (or a pip mirror via PIP_INDEX_URL).
set -euo pipefail

CHECKOV_VERSION="3.3.30"
MOTO_VERSION="5.2.1"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venvs="$root/.venv"
python="${TENANTFORM_PYTHON:-python3}"

if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-python-tools: $python not found; install Python 3.9+ or set TENANTFORM_PYTHON." >&2
  exit 1
fi

# version_at_least HAVE WANT: true when HAVE >= WANT (dotted numeric versions).
version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

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

system_moto=""
if command -v moto_server >/dev/null 2>&1; then
  # moto_server has no --version; ask the interpreter that owns the script.
  system_moto="$(python3 -c 'import moto; print(moto.__version__)' 2>/dev/null || true)"
fi
if [ -n "$system_moto" ] && version_at_least "$system_moto" "$MOTO_VERSION"; then
  echo "setup-python-tools: using the machine's moto_server ($system_moto >= $MOTO_VERSION)"
else
  ensure_venv_package moto "$venvs/moto" "moto[server]==$MOTO_VERSION" "$MOTO_VERSION" \
    "import moto; print(moto.__version__)"
fi
