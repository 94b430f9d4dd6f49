import { defineElement } from '../base/define.ts';
import { DvcServiceSearch } from './dvc-service-search.ts';

defineElement('dvc-service-search', DvcServiceSearch);
// Types only (no code): importing this entry alone also brings the tag's typings (HTMLElementTagNameMap, its events).
export type { DvcServiceSearch } from './dvc-service-search.ts';
