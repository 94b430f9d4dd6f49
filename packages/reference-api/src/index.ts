// The browser-safe surface of the reference API: everything here runs in a browser tab as well as in Node.
export { createApp, DEFAULT_LIMITS, type AppOptions, type CaptchaVerifier, type Limits } from './app.ts';
export { createMemoryStore } from './memory-store.ts';
export type { DossierRecord, SaveOutcome, Store, StoredDossier, StoredResponse } from './store.ts';
export { demoDossiers, seedDemoDossiers, type DemoDossier } from './demo-dossiers.ts';
export { SURVEY_FORMS, findSurveyForm, localizeSurveyForm, type SurveyFormDefinition, type QuestionDefinition } from './survey-forms.ts';
export { maskName } from './mask.ts';
export { timingOf } from './timing.ts';
export { PROBLEM_TYPES, problemType, type ProblemSlug } from './problems.ts';
export { createCatalogue, parseCatalogCsv, parseCatalogFile, parseCatalogJson, type Catalogue, type CatalogProcedure } from './catalog/index.ts';
