// The classes and helpers, with nothing registered: import `@dvc-kit/elements/define` (or one element's
// `define.ts`) to register the tags, or register subclasses under your own names.
export { DvcElement } from './base/dvc-element.ts';
export { dvcClientContext } from './base/context.ts';
export { clientFor } from './base/clients.ts';
export { defineElement } from './base/define.ts';
export type { Locale, Strings } from './base/i18n.ts';
export { DvcProvider } from './provider/dvc-provider.ts';
export { DvcServiceSearch } from './service-search/dvc-service-search.ts';
export type { SearchEventDetail, SelectEventDetail } from './service-search/dvc-service-search.ts';
export { DvcProcedure } from './procedure/dvc-procedure.ts';
export { DvcDossierTracker } from './dossier-tracker/dvc-dossier-tracker.ts';
export type { DossierLookupEventDetail } from './dossier-tracker/dvc-dossier-tracker.ts';
export { DvcSatisfactionSurvey } from './satisfaction-survey/dvc-satisfaction-survey.ts';
export type { SurveyQueuedEventDetail, SurveySubmittedEventDetail } from './satisfaction-survey/dvc-satisfaction-survey.ts';
