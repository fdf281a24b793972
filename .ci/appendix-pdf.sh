#!/usr/bin/env bash
# The demo register's MoU appendices as a PMG chair opens them: exported as Word and Excel through the CLI,
# converted to PDF with LibreOffice headless, and the PDF text checked for the digest, a partner's name and
# the page count ("Page N of N" in the Word footer agrees with the PDF). Installs LibreOffice and poppler with
# apt-get when missing (fresh CI machine). Leaves the PDFs in $APPENDIX_PDF_DIR when set (to look at them).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "appendix-pdf: $*"; }
fail() { echo "appendix-pdf: FAILED: $*" >&2; exit 1; }

if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    fail "soffice, pdftotext and pdfinfo are needed: run as root on a Debian/Ubuntu machine, or install LibreOffice and poppler-utils"
  fi
  log "installing LibreOffice (Writer, Calc) and poppler-utils with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
fi

work="$(mktemp -d)"
out="${APPENDIX_PDF_DIR:-$work/pdf}"
mkdir -p "$out"
trap 'rm -rf "$work"' EXIT
export DATA_DIR="$work/data"
cli() { node bin/oda-register.js "$@"; }

cli init --catalogue examples/catalogue.json >/dev/null
cli import examples/workbooks/*.xlsx >/dev/null || true   # one demo workbook has errors on purpose
cli consolidate >/dev/null
digest="$(cli --json export --format json --out "$work/register.json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).digest))')"
short="${digest:0:19}"
partner="Northshire County Council"
log "register version 1, $digest"

for format in docx xlsx; do
  cli export --format "$format" --out "$work/appendix.$format" >/dev/null
  cli verify "$work/appendix.$format" >/dev/null || fail "verify does not accept the fresh $format export"
  # A private profile, so a LibreOffice the user has open does not take the conversion over.
  soffice --headless -env:UserInstallation="file://$work/lo-profile" --convert-to pdf --outdir "$out" \
    "$work/appendix.$format" >/dev/null 2>&1 || fail "LibreOffice could not convert the $format appendix"
  pdf="$out/appendix.pdf"
  [ -s "$pdf" ] || fail "no PDF of the $format appendix"
  mv "$pdf" "$out/appendix-$format.pdf"
  pdf="$out/appendix-$format.pdf"
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  text="$(pdftotext -layout "$pdf" -)"
  grep -qF "$partner" <<<"$text" || fail "$format PDF does not name $partner"
  if [ "$format" = docx ]; then
    grep -qF "$digest" <<<"$text" || fail "docx PDF does not carry the full digest on its title page"
    [ "$(grep -cF "$short" <<<"$text")" -ge "$pages" ] || fail "not every page footer of the docx PDF carries $short"
    grep -qF "Page $pages of $pages" <<<"$text" || fail "the docx footer does not say \"Page $pages of $pages\""
    [ "$pages" -ge 7 ] || fail "the docx PDF has $pages pages, fewer than its seven appendices"
  else
    grep -qF "$digest" <<<"$text" || fail "xlsx PDF does not carry the digest on its cover"
    [ "$pages" -ge 10 ] || fail "the xlsx PDF has $pages pages, fewer than its ten sheets"
  fi
  log "$format: $pages pages, digest, partner and page numbers found"
done
log "ok"
