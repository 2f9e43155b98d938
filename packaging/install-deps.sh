#!/usr/bin/env bash
# Installs every package Kontor needs to build, test and benchmark, from Debian 12 only.
# Run as root (as in a container) or through sudo. Safe to run again: apt skips what is there.
set -euo pipefail

build_deps=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libboost1.74-dev          # Asio, Beast, DLL (header-only; Asio/Beast compiled once by us)
  libyaml-cpp-dev           # configuration loader only
  libspdlog-dev libfmt-dev  # logging
  libsqlite3-dev            # embedded store
  libcurl4-openssl-dev      # host transfer service: HTTP(S), SMTP, SFTP
  libsystemd-dev            # sd_notify, watchdog
  libhowardhinnant-date-dev tzdata  # IANA time zones for the scheduler (GCC 12 has none)
  libcli11-dev              # command lines of kontord and kontorctl
  nlohmann-json3-dev        # admin API bodies (kept out of widely included headers)
  libpugixml-dev            # camt parser
  libqrencode-dev           # EPC QR code (GiroCode) on notices
  libcairo2-dev libpango1.0-dev fonts-dejavu-core  # PDF letters: cairo, Pango, the font
  libgtest-dev libgmock-dev libbenchmark-dev
)
test_deps=(
  sqlite3                   # floor for the store benchmark, inspection in tests
  python3 python3-aiosmtpd  # real SMTP server in tests
  openssh-server            # real SFTP server in tests
  util-linux                # setpriv/runuser for permission tests
  procps
  zbar-tools                # zbarimg reads the GiroCode back in tests
  poppler-utils             # pdftotext, pdftoppm read the PDF letters back in tests
  hledger ledger            # the journal exporter's files are checked by the real tools
  systemd dpkg-dev file     # packaging tests: systemd-analyze; cpack's dpkg-shlibdeps and file
  groff-base man-db         # packaging tests: man pages format without warnings, and are found
)

if [ "$(id -u)" -ne 0 ]; then
  exec sudo "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${build_deps[@]}" "${test_deps[@]}" >/dev/null
echo "install-deps: all build and test dependencies present"
