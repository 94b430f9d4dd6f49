import { defineElement } from '../base/define.ts';
import { DvcDossierTracker } from './dvc-dossier-tracker.ts';

defineElement('dvc-dossier-tracker', DvcDossierTracker);
