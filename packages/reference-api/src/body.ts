import { ProblemError } from './problems.ts';

// The rest of an oversized body is never read, so the connection cannot be reused for another request.
const tooLarge = (): ProblemError => new ProblemError('payload-too-large', { headers: { Connection: 'close' } });

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a JSON request body: JSON media type only, at most `limit` bytes (checked on the declared length before
 * reading, and again while streaming for chunked bodies), strict UTF-8.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!JSON_MEDIA_TYPE.test(contentType)) throw new ProblemError('unsupported-media-type');
  const charset = /;\s*charset=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (charset && charset.toLowerCase() !== 'utf-8') throw new ProblemError('unsupported-media-type');

  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge();

  const bytes = await readLimited(request, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProblemError('malformed-json', { detail: { vi: 'Nội dung yêu cầu không phải UTF-8 hợp lệ.', en: 'The body is not valid UTF-8.' } });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError('malformed-json', { detail: { vi: 'Nội dung yêu cầu không phải JSON hợp lệ.', en: 'The body is not valid JSON.' } });
  }
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  // Firefox has no `Request.body` stream (the app also runs in browser tabs): read the body whole, then check.
  if (request.body === undefined) {
    const whole = new Uint8Array(await request.arrayBuffer());
    if (whole.byteLength > limit) throw tooLarge();
    return whole;
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
