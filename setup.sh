#!/usr/bin/env bash
# Set up ipcheck on a Debian machine: system packages, a virtual environment, the package.
#   bash setup.sh          what `ipcheck evaluate` needs
#   bash setup.sh --test   that, plus what the tests need
# Idempotent: it installs only what is missing and reinstalls Python packages only when
# pyproject.toml or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")"

mode=run
[ "${1:-}" = "--test" ] && mode=test

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

# --- Python: durable-rules 2.0.28 imports on 3.10–3.12 only ------------------------------
python=""
for cand in python3.12 python3.11 python3.10 python3; do
  if command -v "$cand" >/dev/null && "$cand" -c 'import sys; sys.exit(not ((3,10) <= sys.version_info[:2] <= (3,12)))' 2>/dev/null; then
    python=$cand; break
  fi
done
if [ -z "$python" ]; then
  echo "setup.sh: needs Python 3.10, 3.11 or 3.12 (durable-rules does not import on 3.13)" >&2; exit 1
fi

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys' 2>/dev/null; then
  rm -rf .venv
  "$python" -m venv .venv
fi

extra=""
[ "$mode" = test ] && extra="[test]"
stamp=".venv/.ipcheck-$mode"
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-64)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".$extra"
  echo "$want" > "$stamp"
fi
