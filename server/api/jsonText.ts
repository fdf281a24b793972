/**
 * The text of a JSON body received as bytes (a `rawJson` route), decoded by its declared charset as
 * body-parser decodes the JSON it parses: UTF-8 when none is named, other Unicode encodings decoded here (those
 * TextDecoder knows: UTF-16 but not UTF-32, which body-parser would take), and any other charset refused with
 * body-parser's own error, which the error handler turns into the same 415 problem. UTF-8 stays bytes: the
 * worker thread that parses it decodes it.
 */
function charsetOf(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2] ?? '').toLowerCase() : null;
}

export function jsonText(req: { get(name: string): string | undefined }, body: Buffer): Uint8Array | string {
  const charset = charsetOf(req.get('content-type'));
  if (charset === null || charset === 'utf-8' || charset === 'utf8') return body;
  if (charset.startsWith('utf-')) {
    try {
      return new TextDecoder(charset).decode(body);
    } catch {
      // Not an encoding TextDecoder knows: refused below.
    }
  }
  throw Object.assign(new Error(`unsupported charset "${charset.toUpperCase()}"`), {
    type: 'charset.unsupported',
    status: 415,
  });
}
