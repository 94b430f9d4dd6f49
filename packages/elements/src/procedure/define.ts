import { defineElement } from '../base/define.ts';
import { DvcProcedure } from './dvc-procedure.ts';

defineElement('dvc-procedure', DvcProcedure);
// Types only (no code): importing this entry alone also brings the tag's typings (HTMLElementTagNameMap, its events).
export type { DvcProcedure } from './dvc-procedure.ts';
