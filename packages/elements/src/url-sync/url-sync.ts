/**
 * `<dvc-service-search url-sync>`: the search's query, filters and open procedure kept in the page URL, so links can
 * be shared and the back button works. Prefixed keys (`dvc-q`, `dvc-level`, `dvc-field`, `dvc-code`) let the host
 * page's own parameters survive and cannot clash; everything else in the URL (path, other parameters, hash) is kept.
 * A module of its own, imported by the searches that ask for it: most pages do not keep the search in their URL.
 */
export interface UrlState {
  q: string;
  level: string;
  field: string;
  /** The procedure open inline, if any. */
  code: string;
}

/**
 * `typing`: the first debounced search of a typing session adds a history entry, later keystrokes replace it;
 * `commit`: Enter confirms that entry (or adds one); `push`: filters add an entry; `detail`: so does the inline detail,
 * whose entry "Back to results" then leaves with the browser's back.
 */
export type UrlChange = 'typing' | 'commit' | 'push' | 'detail';

const KEYS = ['q', 'level', 'field', 'code'] as const;

export class UrlSync {
  readonly #state: () => UrlState;
  readonly #restore: (state: UrlState) => void;
  /** The current history entry was created by this typing session, so further keystrokes replace it. */
  #typing = false;
  /** The inline detail's history entry is ours: "Back to results" can go back instead of adding an entry. */
  #detail = false;

  /** `state` reads the search's state; `restore` shows what the URL holds after a move through the history. */
  constructor(state: () => UrlState, restore: (state: UrlState) => void) {
    this.#state = state;
    this.#restore = restore;
  }

  /** The state the page URL holds. */
  read(): UrlState {
    const params = new URL(location.href).searchParams;
    return Object.fromEntries(KEYS.map((key) => [key, params.get(`dvc-${key}`) ?? ''])) as Record<keyof UrlState, string>;
  }

  /** Put the search's state in the URL after a change of kind `change`. */
  write(change: UrlChange): void {
    const typing = this.#typing;
    this.#typing = change === 'typing';
    this.#detail = change === 'detail';
    const url = new URL(location.href);
    const state = this.#state();
    for (const key of KEYS) {
      if (state[key]) url.searchParams.set(`dvc-${key}`, state[key]);
      else url.searchParams.delete(`dvc-${key}`);
    }
    if (url.href === location.href) return;
    if ((change === 'typing' || change === 'commit') && typing) history.replaceState(history.state, '', url.href);
    else history.pushState(null, '', url.href);
  }

  /** "Back to results": true when the browser's back closes the detail (its entry is ours), false to close it here. */
  back(): boolean {
    if (this.#detail) history.back();
    return this.#detail;
  }

  connect(): void {
    window.addEventListener('popstate', this.#onPopState);
  }

  disconnect(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  #onPopState = (): void => {
    this.#typing = this.#detail = false;
    this.#restore(this.read());
  };
}
