import { defineElement } from '../base/define.ts';
import { DvcSatisfactionSurvey } from './dvc-satisfaction-survey.ts';

defineElement('dvc-satisfaction-survey', DvcSatisfactionSurvey);
// Types only (no code): importing this entry alone also brings the tag's typings (HTMLElementTagNameMap, its events).
export type { DvcSatisfactionSurvey } from './dvc-satisfaction-survey.ts';
