/**
 * The search's state in the page URL (`url-sync`): prefixed keys so the host page's own parameters survive and
 * cannot clash; everything else in the URL (path, other parameters, hash) is kept.
 */
export interface UrlState {
  q: string;
  level: string;
  field: string;
  /** The procedure open inline, if any. */
  code: string;
}

const KEYS: Record<keyof UrlState, string> = { q: 'dvc-q', level: 'dvc-level', field: 'dvc-field', code: 'dvc-code' };

export function readUrlState(href = location.href): UrlState {
  const params = new URL(href).searchParams;
  return {
    q: params.get(KEYS.q) ?? '',
    level: params.get(KEYS.level) ?? '',
    field: params.get(KEYS.field) ?? '',
    code: params.get(KEYS.code) ?? '',
  };
}

export function urlWithState(state: UrlState, href = location.href): string {
  const url = new URL(href);
  for (const key of Object.keys(KEYS) as (keyof UrlState)[]) {
    if (state[key]) url.searchParams.set(KEYS[key], state[key]);
    else url.searchParams.delete(KEYS[key]);
  }
  return url.href;
}
