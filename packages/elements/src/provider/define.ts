import { defineElement } from '../base/define.ts';
import { DvcProvider } from './dvc-provider.ts';

defineElement('dvc-provider', DvcProvider);
// Types only (no code): importing this entry alone also brings the tag's typings (HTMLElementTagNameMap, its events).
export type { DvcProvider } from './dvc-provider.ts';
