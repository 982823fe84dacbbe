#!/usr/bin/env bash
# Set up ipcheck on a Debian machine: system packages, a virtual environment, the package.
#   bash setup.sh                  what `ipcheck evaluate` needs, in .venv
#   bash setup.sh --test           that, plus what the tests need
#   bash setup.sh --python 3.13    with that Python, in a venv of its own (.venv313), e.g. for CI
# Idempotent: it installs only what is missing and reinstalls Python packages only when
# pyproject.toml or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")"

mode=run
want_python=""
while [ $# -gt 0 ]; do
  case "$1" in
    --test) mode=test ;;
    --python) want_python="${2:?setup.sh: --python needs a version, e.g. 3.13}"; shift ;;
    *) echo "setup.sh: unknown option $1 (use --test and/or --python 3.X)" >&2; exit 1 ;;
  esac
  shift
done

# --- system packages -------------------------------------------------------------------
# gcc and the Python headers build durable-rules (source-only on PyPI); pango draws the PDF;
# Noto CJK gives Chinese glyphs; cairo draws the charts of the Word report (CairoSVG);
# poppler-utils (pdftoppm) and chromium (the HTML report on a phone-sized screen) are used by the tests.
apt_pkgs=(gcc python3-dev python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-noto-cjk
          libcairo2)
[ "$mode" = test ] && apt_pkgs+=(poppler-utils chromium)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "setup.sh: please install these Debian packages first: ${missing[*]}" >&2; exit 1
  fi
  echo "setup.sh: installing ${missing[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Python 3.10–3.13 -----------------------------------------------------------------------
# durable-rules 2.0.28 calls PyEval_CallObject, which Python 3.13 removed; on 3.13 it is built from
# PyPI's sdist with that one call replaced by PyObject_CallObject (upstream fix jruizgit/rules#403,
# never released). 3.10–3.12 install it as published.
venv=.venv
runs() { "$1" -c 'import sys' 2>/dev/null; }
if [ -n "$want_python" ]; then
  # pythonX.Y on the PATH, else pyenv's X.Y (whose shim answers only for the active version)
  python="python$want_python"
  if ! runs "$python" && command -v pyenv >/dev/null; then
    v=$(pyenv versions --bare 2>/dev/null | grep -E "^${want_python//./\\.}(\\.[0-9]+)?$" | tail -1 || true)
    [ -n "$v" ] && python="$(pyenv root)/versions/$v/bin/python$want_python"
  fi
  runs "$python" || { echo "setup.sh: Python $want_python not found" >&2; exit 1; }
  venv=".venv${want_python//./}"
else
  python=""
  for cand in python3.12 python3.11 python3.10 python3.13 python3; do
    if command -v "$cand" >/dev/null && "$cand" -c 'import sys; sys.exit(not ((3,10) <= sys.version_info[:2] <= (3,13)))' 2>/dev/null; then
      python=$cand; break
    fi
  done
fi
if [ -z "$python" ] || ! "$python" -c 'import sys; sys.exit(not ((3,10) <= sys.version_info[:2] <= (3,13)))' 2>/dev/null; then
  echo "setup.sh: needs Python 3.10, 3.11, 3.12 or 3.13" >&2; exit 1
fi

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sys' 2>/dev/null; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
pip() { "$venv/bin/python" -m pip --disable-pip-version-check "$@"; }

patched_durable_rules() {
  local tmp src
  tmp=$(mktemp -d)
  pip download -q --no-binary :all: --no-deps -d "$tmp" "durable-rules==2.0.28"
  tar -xzf "$tmp"/durable_rules-2.0.28.tar.gz -C "$tmp"
  src="$tmp/durable_rules-2.0.28"
  sed -i 's/PyEval_CallObject(/PyObject_CallObject(/g' "$src/src/rulespy/rules.c"
  if grep -q PyEval_CallObject "$src/src/rulespy/rules.c" || ! grep -q PyObject_CallObject "$src/src/rulespy/rules.c"; then
    echo "setup.sh: durable-rules' rules.c is not as expected; cannot patch it for Python 3.13" >&2; exit 1
  fi
  pip install -q "$src"
  rm -rf "$tmp"
}

extra=""
[ "$mode" = test ] && extra="[test]"
stamp="$venv/.ipcheck-$mode"
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-64)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  pip install -q --upgrade pip
  if "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] < (3,13))' \
     && ! "$venv/bin/python" -c 'import durable.lang' 2>/dev/null; then
    patched_durable_rules
  fi
  pip install -q -c constraints.txt -e ".$extra"
  echo "$want" > "$stamp"
fi
