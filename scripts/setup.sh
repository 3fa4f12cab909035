#!/usr/bin/env bash
# Installs what Enshu needs to build, run and test, on Debian 12. Idempotent: installs
# only what is missing. Run as root (or with sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(
  build-essential cmake ninja-build pkg-config git
  libboost1.74-dev libssl-dev libsqlite3-dev libpq-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
  libcli11-dev libyaml-cpp-dev libexpected-dev libsodium-dev libicu-dev libxlsxwriter-dev
  libminizip-dev libpugixml-dev libgtest-dev
  nodejs npm chromium fonts-noto-cjk poppler-utils sqlite3 curl
)

missing=()
for package in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Node.js may come from outside Debian's packages (a newer node already on PATH): accept it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for package in "${missing[@]}"; do
    [[ $package == nodejs || $package == npm ]] || filtered+=("$package")
  done
  missing=("${filtered[@]}")
fi

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Front-end and browser-test packages from the committed lock files.
for dir in web tests/e2e; do
  if [[ -f $dir/package-lock.json ]]; then
    stamp=$dir/node_modules/.enshu-lock-stamp
    if [[ ! -f $stamp ]] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
      echo "setup: npm ci in $dir"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
      cp "$dir/package-lock.json" "$stamp"
    fi
  fi
done
echo "setup: ok"
