/**
 * The catalogue's own shape: what the JSON format and the CSV import both produce, before anything is derived
 * for the API (ids, portal links, summaries). Wire types come from the shared contract in @dvc-kit/sdk.
 */
import type { DocumentCase, LegalBasis, Level, Method, OnlineService, Step } from '@dvc-kit/sdk';

export type { Level, OnlineService };

export interface CatalogProcedure {
  /** Mã thủ tục, e.g. `1.001193` or a province's local variant `1.011442.000.00.00.H38`. */
  code: string;
  name: string;
  /** Cấp thực hiện; never empty. */
  levels: Level[];
  /** Lĩnh vực, display name ("Hộ tịch"). */
  field: string;
  /** Cơ quan thực hiện, display names; may be empty. */
  agencies: string[];
  /** Loại TTHC. */
  type: string | null;
  /** Cơ quan ban hành. */
  issuingAgency: string | null;
  subjects: string[];
  online: OnlineService;
  methods: Method[];
  documentCases: DocumentCase[];
  steps: Step[];
  conditions: string[];
  results: string[];
  legalBasis: LegalBasis[];
}

/** A catalogue that cannot be loaded. The message says where (line, procedure, field) and what is wrong. */
export class CatalogError extends Error {
  /** Every problem found, one human-readable line each (the message shows the first few). */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const shown = problems.slice(0, 10).join('\n  ');
    const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : '';
    super(problems.length === 1 ? problems[0] : `${problems.length} problems in the catalogue:\n  ${shown}${more}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

export const LEVELS: readonly Level[] = ['xa', 'tinh', 'bo', 'khac'];
export const ONLINE_SERVICES: readonly OnlineService[] = ['toan-trinh', 'mot-phan', 'none'];

/** `d.dddddd`, optionally followed by a local variant's agency id (`.000.00.00.H38`). */
export const CODE_PATTERN = /^\d\.\d{6}(?:\.[0-9A-Za-z]+)*$/;
