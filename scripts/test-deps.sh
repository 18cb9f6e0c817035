#!/usr/bin/env bash
# Debian packages the tests need and npm cannot provide: Chromium (end-to-end tests of the window and
# the 审查单 PDF), CJK fonts (or Chinese renders as boxes), poppler-utils (PDF to PNG), sqlite3 (the
# audit-tamper test edits the database behind the application's back), postgresql (the department-mode
# tests start a throwaway server of their own with initdb and pg_ctl). Installs only what is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'noto.*cjk' || missing+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
