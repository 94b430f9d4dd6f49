/**
 * The search's state in the page URL (`url-sync`): prefixed keys (`dvc-q`, `dvc-level`, `dvc-field`, `dvc-code`) so
 * the host page's own parameters survive and cannot clash; everything else in the URL (path, other parameters, hash)
 * is kept.
 */
export interface UrlState {
  q: string;
  level: string;
  field: string;
  /** The procedure open inline, if any. */
  code: string;
}

const KEYS = ['q', 'level', 'field', 'code'] as const;

export function readUrlState(href = location.href): UrlState {
  const params = new URL(href).searchParams;
  return Object.fromEntries(KEYS.map((key) => [key, params.get(`dvc-${key}`) ?? ''])) as Record<keyof UrlState, string>;
}

export function urlWithState(state: UrlState, href = location.href): string {
  const url = new URL(href);
  for (const key of KEYS) {
    if (state[key]) url.searchParams.set(`dvc-${key}`, state[key]);
    else url.searchParams.delete(`dvc-${key}`);
  }
  return url.href;
}
