/**
 * Filter values (fields, agencies) with stable slug ids. Real catalogues spell one agency several ways
 * ("Sở Công Thương" / "Sở Công thương"); they share an id, and the spelling most procedures use is shown.
 */
import type { FilterValue, Ref } from '@dvc-kit/sdk';
import { slug } from './text.ts';

interface Entry {
  spellings: Map<string, number>;
  count: number;
}

export class RefTable {
  readonly #entries = new Map<string, Entry>();
  readonly #ids = new Map<string, string>();
  readonly #collator: Intl.Collator;

  constructor(collator: Intl.Collator) {
    this.#collator = collator;
  }

  /** Count one procedure under each of these names (a name listed twice counts once). */
  add(names: readonly string[]): void {
    const counted = new Set<string>();
    for (const name of new Set(names)) {
      const id = this.#id(name);
      let entry = this.#entries.get(id);
      if (!entry) this.#entries.set(id, (entry = { spellings: new Map(), count: 0 }));
      if (!counted.has(id)) entry.count++;
      counted.add(id);
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
    }
  }

  /** Slugs are asked for again and again for the same few hundred names. */
  #id(name: string): string {
    let id = this.#ids.get(name);
    if (id === undefined) this.#ids.set(name, (id = slug(name)));
    return id;
  }

  /** The display name of an id: the most used spelling, the first seen on a tie. */
  name(id: string): string | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    let best = '';
    let bestCount = 0;
    for (const [name, count] of entry.spellings) if (count > bestCount) [best, bestCount] = [name, count];
    return best;
  }

  ref(name: string): Ref {
    const id = this.#id(name);
    return { id, name: this.name(id) ?? name };
  }

  /** Every value with its procedure count, in Vietnamese alphabetical order. */
  list(): FilterValue[] {
    return [...this.#entries.keys()]
      .map((id) => ({ id, name: this.name(id)!, count: this.#entries.get(id)!.count }))
      .sort((a, b) => this.#collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  }
}
