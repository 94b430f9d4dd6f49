import { defineElement } from '../base/define.ts';
import { DvcSatisfactionSurvey } from './dvc-satisfaction-survey.ts';

defineElement('dvc-satisfaction-survey', DvcSatisfactionSurvey);
