/**
 * FNV-1a, 64-bit, over UTF-8 bytes, in plain JS (two 32-bit halves, no BigInt) so the catalogue version is
 * the same in Node and in a browser tab. Not cryptographic: it only has to change when the content changes.
 */
const encoder = new TextEncoder();

export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325; prime 2^40 + 0x1b3.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of encoder.encode(text)) {
    lo = (lo ^ byte) >>> 0;
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
