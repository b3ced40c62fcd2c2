#!/usr/bin/env bash
# Installs Debian's `chromium` for the report tests (tests/test_report_chromium.py load the
# HTML report in a real headless browser). Quick when /usr/bin/chromium is already there.
# Only apt-get: a browser download of its own (playwright, puppeteer) does not work offline.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "warning: no apt-get: install chromium yourself for the report tests (they will skip)" >&2
  exit 0
fi
SUDO=
if [ "$(id -u)" != 0 ]; then
  SUDO=sudo
fi
echo "installing chromium (apt-get)"
if $SUDO apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium fonts-dejavu-core >/dev/null; then
  exit 0
fi
echo "warning: could not install chromium: the report's browser tests will skip" >&2
exit 0
