/**
 * JSX typings for React 19, which renders custom elements natively: attributes in kebab-case (as in HTML, so they
 * work before the element's code has loaded), `client` and `strings` as properties, and events as `ondvc-…`
 * props (React 19 listens to `on` + the exact event name).
 *
 * Type-only: `import type {} from '@dvc-kit/elements/jsx';` once in a React project.
 */
import type { HTMLAttributes, ReactNode, RefAttributes } from 'react';
import type { DvcClient, Level } from '@dvc-kit/sdk';
import type { DvcProvider } from './provider/dvc-provider.ts';
import type { DvcServiceSearch, SearchEventDetail, SelectEventDetail } from './service-search/dvc-service-search.ts';
import type { DvcProcedure } from './procedure/dvc-procedure.ts';
import type { DossierLookupEventDetail, DvcDossierTracker } from './dossier-tracker/dvc-dossier-tracker.ts';
import type {
  DvcSatisfactionSurvey,
  SurveyQueuedEventDetail,
  SurveySubmittedEventDetail,
} from './satisfaction-survey/dvc-satisfaction-survey.ts';

type Listener<T> = (event: CustomEvent<T>) => void;

/** What every dvc element takes: the usual HTML attributes, a ref, fallback children, its API and strings. */
interface DvcAttributes<E extends HTMLElement & { strings?: unknown }> extends HTMLAttributes<E>, RefAttributes<E> {
  children?: ReactNode;
  /** Base URL of the Public Service API (before `/v1`) for this element alone. */
  'base-url'?: string;
  /** A client from `createClient()`; wins over `base-url` and any provider. */
  client?: DvcClient;
  /** Replacement strings for the current language, by key. */
  strings?: E['strings'];
}

export interface DvcProviderAttributes extends HTMLAttributes<DvcProvider>, RefAttributes<DvcProvider> {
  children?: ReactNode;
  'base-url'?: string;
  client?: DvcClient;
  locale?: 'vi' | 'en';
}

export interface DvcServiceSearchAttributes extends DvcAttributes<DvcServiceSearch> {
  level?: Level;
  field?: string;
  agency?: string;
  query?: string;
  'url-sync'?: boolean;
  'detail-href'?: string;
  'submit-href'?: string;
  'page-size'?: number;
  'heading-level'?: number;
  'ondvc-search'?: Listener<SearchEventDetail>;
  'ondvc-select'?: Listener<SelectEventDetail>;
}

export interface DvcProcedureAttributes extends DvcAttributes<DvcProcedure> {
  code?: string;
  'heading-level'?: number;
  'submit-href'?: string;
  'focus-on-load'?: boolean;
}

export interface DvcDossierTrackerAttributes extends DvcAttributes<DvcDossierTracker> {
  code?: string;
  'heading-level'?: number;
  'ondvc-lookup'?: Listener<DossierLookupEventDetail>;
}

export interface DvcSatisfactionSurveyAttributes extends DvcAttributes<DvcSatisfactionSurvey> {
  form?: string;
  'dossier-code'?: string;
  'dossier-token'?: string;
  'heading-level'?: number;
  'ondvc-survey-submitted'?: Listener<SurveySubmittedEventDetail>;
  'ondvc-survey-queued'?: Listener<SurveyQueuedEventDetail>;
}

declare module 'react' {
  // Module augmentation is the one way React's JSX learns about intrinsic elements.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'dvc-provider': DvcProviderAttributes;
      'dvc-service-search': DvcServiceSearchAttributes;
      'dvc-procedure': DvcProcedureAttributes;
      'dvc-dossier-tracker': DvcDossierTrackerAttributes;
      'dvc-satisfaction-survey': DvcSatisfactionSurveyAttributes;
    }
  }
}
