import { defineElement } from '../base/define.ts';
import { DvcDossierTracker } from './dvc-dossier-tracker.ts';

defineElement('dvc-dossier-tracker', DvcDossierTracker);
// Types only (no code): importing this entry alone also brings the tag's typings (HTMLElementTagNameMap, its events).
export type { DvcDossierTracker } from './dvc-dossier-tracker.ts';
