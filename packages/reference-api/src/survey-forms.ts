import type { ChoiceOption, Question, SurveyForm } from '@dvc-kit/sdk';
import { pick, type Locale, type Localized } from './locale.ts';

/**
 * Survey forms as data, in Vietnamese and English. A province rewords or adds questions here (or serves its own
 * forms from its gateway); the widgets render whatever the API returns.
 */

interface ChoiceDefinition {
  id: string;
  kind: 'choice';
  label: Localized;
  help: Localized | null;
  required: boolean;
  options: { value: string; label: Localized }[];
}

interface TextDefinition {
  id: string;
  kind: 'text';
  label: Localized;
  help: Localized | null;
  required: boolean;
  maxLength: number;
}

export type QuestionDefinition = ChoiceDefinition | TextDefinition;

export interface SurveyFormDefinition {
  id: string;
  version: number;
  title: Localized;
  description: Localized | null;
  needsDossier: boolean;
  questions: QuestionDefinition[];
}

const SATISFACTION: ChoiceDefinition['options'] = [
  { value: '2', label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  { value: '1', label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: '0', label: { vi: 'Không hài lòng', en: 'Not satisfied' } },
];

const COMMENT: TextDefinition = {
  id: 'comment',
  kind: 'text',
  label: { vi: 'Góp ý thêm (không bắt buộc)', en: 'Other comments (optional)' },
  // What to write about. Not to type personal data is the form renderer's warning (the survey element shows its own
  // beside every free-text question): said here too, a citizen read it twice, a screen reader announced it twice.
  help: {
    vi: 'Ví dụ: điều cần cải thiện, bước nào còn rườm rà, thái độ của cán bộ.',
    en: 'For example: what should improve, which steps felt unnecessary, how staff treated you.',
  },
  required: false,
  maxLength: 500,
};

/**
 * The per-dossier evaluation (domain.md §4). Option values are the indices 2 / 1 / 0. Criteria 1 and 2 (processing
 * time against the rule, overall and per agency) are not asked: they are computed from the dossier's dates when a
 * response is stored.
 */
const DEFAULT_FORM: SurveyFormDefinition = {
  id: 'default',
  version: 1,
  title: { vi: 'Đánh giá việc giải quyết hồ sơ', en: 'Rate how your dossier was handled' },
  description: {
    vi: 'Ý kiến của bạn giúp cơ quan nâng cao chất lượng phục vụ. Thời gian giải quyết được tính tự động từ hồ sơ.',
    en: 'Your answers help the office serve you better. Processing times are taken from the dossier automatically.',
  },
  needsDossier: true,
  questions: [
    {
      id: 'contacts', kind: 'choice', required: true,
      label: {
        vi: 'Số lần bạn phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ',
        en: 'How many times did you have to contact the reception office to complete your dossier?',
      },
      help: { vi: 'Không tính các lần do lỗi của chính bạn.', en: 'Do not count contacts caused by your own mistakes.' },
      options: [
        { value: '2', label: { vi: 'Không phải liên hệ lần nào', en: 'None' } },
        { value: '1', label: { vi: 'Một lần', en: 'Once' } },
        { value: '0', label: { vi: 'Nhiều hơn một lần', en: 'More than once' } },
      ],
    },
    {
      id: 'agencies', kind: 'choice', required: true,
      label: {
        vi: 'Số cơ quan, đơn vị bạn phải liên hệ để hoàn thiện hồ sơ',
        en: 'How many offices did you have to contact to complete your dossier?',
      },
      help: null,
      options: [
        { value: '2', label: { vi: 'Không phải liên hệ cơ quan nào', en: 'None' } },
        { value: '1', label: { vi: 'Chỉ liên hệ với Bộ phận Một cửa', en: 'Only the one-stop office' } },
        { value: '0', label: { vi: 'Nhiều hơn một cơ quan, đơn vị', en: 'More than one office' } },
      ],
    },
    {
      id: 'publication', kind: 'choice', required: true,
      label: { vi: 'Việc công khai thủ tục hành chính', en: 'Was the procedure published?' },
      help: {
        vi: 'Niêm yết tại nơi tiếp nhận hồ sơ và đăng tải trên cổng dịch vụ công.',
        en: 'Posted at the reception office and published on the public service portal.',
      },
      options: [
        { value: '2', label: { vi: 'Được niêm yết và đăng tải trực tuyến', en: 'Posted and online' } },
        { value: '1', label: { vi: 'Chỉ được niêm yết hoặc chỉ đăng tải trực tuyến', en: 'Only one of them' } },
        { value: '0', label: { vi: 'Không được công khai', en: 'Neither' } },
      ],
    },
    {
      id: 'conduct', kind: 'choice', required: true,
      label: {
        vi: 'Việc giải quyết hồ sơ và thái độ của cán bộ, công chức',
        en: 'How was your dossier handled, and how did the staff behave?',
      },
      help: null,
      options: [
        { value: '2', label: {
          vi: 'Giải quyết trước hạn, không có nhũng nhiễu, gây phiền hà', en: 'Ahead of time, no harassment' } },
        { value: '1', label: {
          vi: 'Giải quyết đúng hạn, không có nhũng nhiễu, gây phiền hà', en: 'On time, no harassment' } },
        { value: '0', label: { vi: 'Có nhũng nhiễu, gây phiền hà', en: 'There was harassment or obstruction' } },
      ],
    },
    {
      id: 'convenience', kind: 'choice', required: true,
      label: { vi: 'Mức độ thuận tiện khi sử dụng dịch vụ', en: 'How convenient was the service?' },
      help: null,
      options: SATISFACTION,
    },
    {
      id: 'overall', kind: 'choice', required: true,
      label: { vi: 'Đánh giá tổng thể dịch vụ', en: 'Overall, how satisfied are you with the service?' },
      help: null,
      options: SATISFACTION,
    },
    COMMENT,
  ],
};

/** A short "how was this service" form for any page, not tied to a dossier. */
const GENERAL_FORM: SurveyFormDefinition = {
  id: 'general',
  version: 1,
  title: { vi: 'Bạn thấy dịch vụ này thế nào?', en: 'How was this service?' },
  description: null,
  needsDossier: false,
  questions: [
    {
      id: 'overall', kind: 'choice', required: true,
      label: { vi: 'Mức độ hài lòng của bạn', en: 'How satisfied are you?' },
      help: null,
      options: SATISFACTION,
    },
    {
      id: 'found', kind: 'choice', required: false,
      label: { vi: 'Bạn có tìm được thông tin mình cần không?', en: 'Did you find what you needed?' },
      help: null,
      options: [
        { value: 'yes', label: { vi: 'Có', en: 'Yes' } },
        { value: 'partly', label: { vi: 'Tìm được một phần', en: 'Partly' } },
        { value: 'no', label: { vi: 'Không', en: 'No' } },
      ],
    },
    COMMENT,
  ],
};

export const SURVEY_FORMS: readonly SurveyFormDefinition[] = [DEFAULT_FORM, GENERAL_FORM];

export function findSurveyForm(id: string): SurveyFormDefinition | undefined {
  return SURVEY_FORMS.find((form) => form.id === id);
}

/** The wire form of a survey in one language. */
export function localizeSurveyForm(form: SurveyFormDefinition, locale: Locale): SurveyForm {
  return {
    id: form.id,
    version: form.version,
    title: pick(form.title, locale),
    description: form.description && pick(form.description, locale),
    needsDossier: form.needsDossier,
    questions: form.questions.map((question): Question => {
      const common = { id: question.id, label: pick(question.label, locale), help: question.help && pick(question.help, locale), required: question.required };
      if (question.kind === 'text') return { ...common, kind: 'text', maxLength: question.maxLength };
      const options: ChoiceOption[] = question.options.map((option) => ({ value: option.value, label: pick(option.label, locale) }));
      return { ...common, kind: 'choice', options };
    }),
  };
}
