#!/usr/bin/env bash
# The demo register's MoU appendices as a PMG chair opens them: exported as Word, Excel and OpenDocument through the CLI,
# converted to PDF with LibreOffice headless, and the PDF text checked for the digest, a partner's name and
# the page count ("Page N of N" in the Word footer agrees with the PDF), no page of the Word PDF holding a
# single row (or none) under a table's repeated header, and no email address or phone number broken across
# lines; every page marked DRAFT (the demo register is not ready), and each Excel page numbered with the short
# digest. Installs LibreOffice and poppler with apt-get when missing (fresh CI machine). Leaves the PDFs in $APPENDIX_PDF_DIR when set (to look at them).
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
# Reads `pdftotext -bbox-layout` (a block per table cell) and prints each page that starts with a repeated table
# header (a cell, not a paragraph at the margin) holding fewer than two rows under it. Header cells are aligned
# to the bottom, so the first column's header cell ends the header; body cells to the top, so a row is a
# distinct top; the table ends at a paragraph or at a gap wider than between rows.
lone_rows() {
  node -e '
    let xml = "";
    process.stdin.on("data", (d) => (xml += d)).on("end", () => {
      const num = (s, k) => Number(new RegExp(k + "=\"([^\"]+)\"").exec(s)[1]);
      const pages = xml.split("<page ").slice(1).map((p) =>
        [...p.matchAll(/<block ([^>]*)>([\s\S]*?)<\/block>/g)]
          .map(([, a, body]) => ({ x: num(a, "xMin"), top: num(a, "yMin"), bottom: num(a, "yMax"),
            text: [...body.matchAll(/<word[^>]*>([^<]*)</g)].map((w) => w[1]).join(" ") }))
          .filter((b) => b.top > 50 && b.top < num(p, "height") - 56) // header and footer are in the margins
          .sort((a, b) => a.top - b.top || a.x - b.x));
      const margin = Math.min(...pages.flat().map((b) => b.x));
      pages.forEach((blocks, i) => {
        if (i === 0 || blocks.length === 0 || blocks[0].x < margin + 2) return;
        const cellX = Math.min(...blocks.filter((b) => b.x >= margin + 2).map((b) => b.x));
        const head = blocks.find((b) => b.x < cellX + 1);
        const tops = new Set();
        let end = head.bottom;
        for (const b of blocks.filter((b) => b.top > head.bottom)) {
          if (b.x < margin + 2 || b.top - end > 10) break;
          tops.add(Math.round(b.top));
          end = Math.max(end, b.bottom);
        }
        if (tops.size < 2) console.log("page " + (i + 1) + " has " + tops.size + " row(s) under the header \"" + head.text + "\"");
      });
    });'
}

cli init --catalogue examples/catalogue.json >/dev/null
cli import examples/workbooks/*.xlsx >/dev/null || true   # one demo workbook has errors on purpose
cli consolidate >/dev/null
digest="$(cli --json export --format json --out "$work/register.json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).digest))')"
short="${digest:0:19}"
partner="Northshire County Council"
log "register version 1, $digest"

for format in docx xlsx ods; do
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
    lone="$(pdftotext -bbox-layout "$pdf" - | lone_rows)"
    [ -z "$lone" ] || fail "a table of the docx PDF leaves a lone row on a page: $lone"
    log "docx: no page holds a lone row under a repeated table header"
    # Email addresses and phone numbers are read as one thing: each must stand on one line of the PDF.
    while IFS= read -r whole; do
      grep -qF -- "$whole" <<<"$text" || fail "\"$whole\" is broken across lines in the docx PDF"
    done < <(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      for (const c of r.contacts) for (const v of [c.email, c.phone]) if (v) console.log(v);' "$work/register.json")
    log "docx: every contact's email address and phone number is on one line"
  else
    grep -qF "$digest" <<<"$text" || fail "$format PDF does not carry the digest on its cover"
    # One page a sheet at the demo's size: each sheet printed landscape on A4, fitted to the page's width. The
    # sheets are counted in the file (Appendix H's three appear only when a partner shares data).
    sheets="$(node -e 'import("jszip").then(async ({ default: JSZip }) => {
      const zip = await JSZip.loadAsync(require("fs").readFileSync(process.argv[1]));
      const names = Object.keys(zip.files);
      const ods = names.includes("content.xml");
      console.log(ods ? (await zip.file("content.xml").async("string")).split("<table:table ").length - 1
        : names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length);
    })' "$work/appendix.$format")"
    [ "$sheets" -ge 10 ] || fail "the $format appendix has $sheets sheets, fewer than its ten"
    [ "$pages" -ge "$sheets" ] || fail "the $format PDF has $pages pages, fewer than its $sheets sheets"
    [ "$pages" -le $((sheets + 2)) ] || fail "the $format PDF has $pages pages for $sheets sheets: they no longer fit the page width"
  fi
  # The demo register has open errors and partners yet to sign off: every page is marked a draft, and the
  # title block names the MoU's term in words.
  pdftotext "$pdf" - | tr -s ' \n' '  ' | grep -qF "for the term 1 April 2025 to 31 March 2028" ||
    fail "the $format title block does not name the MoU's term"
  for ((p = 1; p <= pages; p++)); do
    page="$(pdftotext -f "$p" -l "$p" -layout "$pdf" -)"
    grep -qF "DRAFT: not ready for the MoU" <<<"$page" || fail "page $p of the $format PDF is not marked a draft"
    if [ "$format" != docx ]; then
      grep -qF "Page $p of $pages" <<<"$page" || fail "page $p of the $format PDF has no \"Page $p of $pages\" footer"
      grep -qF "$short" <<<"$page" || fail "page $p of the $format PDF does not carry $short"
    fi
  done
  log "$format: every page marked DRAFT$([ "$format" != docx ] && echo ', with its page number and short digest')"
  log "$format: $pages pages, digest, partner and page numbers found"
done
# Formula starts (fullwidth and small forms included) in the Excel and CSV appendices, opened in LibreOffice.
REQUIRE_SOFFICE=1 npm test --silent -- test/export/formulaStart.test.ts >/dev/null 2>&1 ||
  fail "a formula start in the Excel or CSV appendix: run npm test -- test/export/formulaStart.test.ts"
log "formula starts stay text in LibreOffice (Excel and CSV appendices)"
# OpenDocument round trips (docs/ods.md): the demo's workbooks, the template and invalid workbooks saved as .ods
# by LibreOffice import as their .xlsx do (same issues, submissions and register digest); the .ods template keeps
# its dropdowns in LibreOffice and a copy LibreOffice saves imports.
REQUIRE_SOFFICE=1 npm test --silent -- test/import/ods.test.ts test/export/templateOds.test.ts test/api/odsUpload.test.ts \
  >/dev/null 2>&1 || fail "an .ods round trip through LibreOffice: run npm test -- test/import/ods.test.ts test/export/templateOds.test.ts"
log "LibreOffice's .ods workbooks import as their .xlsx; the .ods template round-trips"
log "ok"
