import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DemoDossier } from '@dvc-kit/reference-api';
import type { DvcDossierTracker } from '../packages/elements/src/dossier-tracker/dvc-dossier-tracker.ts';
import { STORY_CAPTCHA_TOKEN, storyClient, storyDossiers, type StoryClientOptions } from './support/api.ts';
import { waitFor } from './support/wait.ts';

interface TrackerArgs {
  code: string;
  network: NonNullable<StoryClientOptions['network']>;
  retryAfterSeconds: number | null;
  /** undefined: the API asks no captcha; otherwise what the page's captcha widget hands over (null: not solved). */
  captcha: string | null | undefined;
}

function tracker(canvas: HTMLElement): DvcDossierTracker {
  return canvas.querySelector('dvc-dossier-tracker')!;
}

/** Types a code and an ID number as a citizen would and presses "Tra cứu". */
async function lookUp(canvas: HTMLElement, code: string, idNumber: string): Promise<DvcDossierTracker> {
  const el = tracker(canvas);
  await el.updateComplete;
  const codeInput = await waitFor(el, '#code') as HTMLInputElement;
  codeInput.value = code;
  codeInput.dispatchEvent(new Event('input'));
  (el.shadowRoot!.querySelector('#id-number') as HTMLInputElement).value = idNumber;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  return el;
}

function dossier(predicate: (d: DemoDossier) => boolean): DemoDossier {
  const found = storyDossiers.find(predicate);
  if (!found) throw new Error('story: no demo dossier matches');
  return found;
}

/** A story showing the result for the first demo dossier matching `predicate`. */
function result(predicate: (d: DemoDossier) => boolean, description: string): StoryObj<TrackerArgs> {
  return {
    parameters: { docs: { description: { story: description } } },
    play: async ({ canvasElement }) => {
      const d = dossier(predicate);
      await waitFor(await lookUp(canvasElement, d.code, d.idNumber), '#result-title');
    },
  };
}

const meta: Meta<TrackerArgs> = {
  title: 'Elements/Dossier tracker',
  component: 'dvc-dossier-tracker',
  args: { code: '', network: 'live', retryAfterSeconds: 30, captcha: undefined },
  argTypes: {
    network: { control: 'select', options: ['live', 'loading', 'offline', 'server-error', 'rate-limited'] },
  },
  render: ({ code, network, retryAfterSeconds, captcha }) => html`<dvc-dossier-tracker code=${code}
      .client=${storyClient({ network, retryAfterSeconds, captcha })}>
    <a href="https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html">Tra cứu hồ sơ trên Cổng Dịch vụ công quốc gia</a>
  </dvc-dossier-tracker>`,
};
export default meta;
type Story = StoryObj<TrackerArgs>;

const describe = (story: string) => ({ docs: { description: { story } } });

export const Form: Story = { parameters: describe('Nothing typed yet: the code and ID number fields with their hints.') };

export const PrefilledCode: Story = {
  args: { code: '000.00.06.H56-231027-0361' },
  parameters: describe('`code` preset (e.g. from a receipt\'s QR link): only the ID number is left to type.'),
};

export const ValidationErrors: Story = {
  parameters: describe('A malformed code and no ID number: an error summary above the form, each field marked.'),
  play: async ({ canvasElement }) => {
    await waitFor(await lookUp(canvasElement, 'abc', ''), '#error-summary');
  },
};

export const Loading: Story = {
  args: { network: 'loading' },
  parameters: describe('Waiting for the API: the button is busy.'),
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await lookUp(canvasElement, d.code, d.idNumber);
  },
};

export const NotFound: Story = {
  parameters: describe('The code and ID number do not match a dossier: one message that does not tell which was wrong.'),
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, '001099000001'), '#problem');
  },
};

export const RateLimited: Story = {
  args: { network: 'rate-limited' },
  parameters: describe('429 with Retry-After: the wait in seconds is stated.'),
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, d.idNumber), '#problem');
  },
};

export const Offline: Story = {
  args: { network: 'offline' },
  parameters: describe('The request never got an answer: a network message with a retry button.'),
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, d.idNumber), '#problem');
  },
};

export const ServerError: Story = {
  args: { network: 'server-error' },
  parameters: describe('The API failed: an alert with a retry button.'),
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, d.idNumber), '#problem');
  },
};

export const RateLimitedNoWait: Story = {
  args: { network: 'rate-limited', retryAfterSeconds: null },
  parameters: describe('429 without Retry-After: the tracker waits a minute of its own; the message and the button say 60 seconds.'),
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, d.idNumber), '#problem');
  },
};

export const RateLimitedWaitOver: Story = {
  args: { network: 'rate-limited', retryAfterSeconds: 2 },
  parameters: describe('After the stated wait: the button says "Tra cứu" again and "Bạn có thể tra cứu lại" is announced.'),
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    const el = await lookUp(canvasElement, d.code, d.idNumber);
    await waitFor(el, '#problem');
    await waitFor(el, 'button[type=submit][disabled]');
    await waitFor(el, 'button[type=submit]:not([disabled])');
  },
};

export const CaptchaRequired: Story = {
  args: { captcha: null },
  parameters: describe('The province requires a captcha and the page\'s captcha was not solved: the API refuses, the citizen is asked to verify and try again.'),
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, d.idNumber), '#problem[data-problem="captcha"]');
  },
};

export const CaptchaSolved: Story = {
  ...result((d) => d.status === 4, 'The same province with the captcha solved: the token travels with the lookup and the dossier shows.'),
  args: { captcha: STORY_CAPTCHA_TOKEN },
};

export const Status1NewlyRegistered = result((d) => d.status === 1, 'Mới đăng ký: submitted online, not yet received.');
export const Status2Accepted = result((d) => d.status === 2, 'Được tiếp nhận.');
export const Status3NotAccepted = result((d) => d.status === 3, 'Không được tiếp nhận.');
export const Status4Processing = result((d) => d.status === 4 && d.history.length >= 15, 'Đang xử lý, with a long history (the newest steps first, the rest behind a button).');
export const Status5SupplementRequested = result((d) => d.status === 5, 'Yêu cầu bổ sung giấy tờ: what is asked for and by when.');
export const Status6FinancialObligation = result((d) => d.status === 6, 'Yêu cầu thực hiện nghĩa vụ tài chính.');
export const Status7Withdrawn = result((d) => d.status === 7, 'Công dân yêu cầu rút hồ sơ.');
export const Status8Stopped = result((d) => d.status === 8, 'Dừng xử lý.');
export const Status9Processed = result((d) => d.status === 9, 'Đã xử lý xong.');
export const Status10Returned = result((d) => d.status === 10, 'Đã trả kết quả, with the invitation to rate the service.');

export const TimingEarly = result((d) => d.expectedTiming === 'early' && d.supplements.length === 0, 'Trước hạn.');
export const TimingOnTime = result((d) => d.expectedTiming === 'on-time' && d.supplements.length === 0, 'Đúng hạn.');
export const TimingOverdue = result((d) => d.expectedTiming === 'overdue' && d.supplements.length === 0, 'Quá hạn.');
export const TimingOnTrack = result((d) => d.expectedTiming === 'on-track' && d.supplements.length === 0, 'Đang trong hạn.');

export const SupplementWithNewAppointment = result(
  (d) => d.supplements.some((s) => s.newAppointmentAt !== null),
  'A fulfilled supplement request that moved the appointment date.',
);

export const SurveyOpened: Story = {
  parameters: describe('A returned dossier\'s invitation opened: the satisfaction survey for it, inline.'),
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 10);
    const el = await lookUp(canvasElement, d.code, d.idNumber);
    await waitFor(el, '#result-title');
    (await waitFor(el, '[part=survey-invite] button')).click();
  },
};

export const English: Story = {
  ...result((d) => d.status === 5, 'The same widget under lang="en".'),
  render: ({ code, network }) => html`<dvc-dossier-tracker lang="en" code=${code} .client=${storyClient({ network })}></dvc-dossier-tracker>`,
};

export const NoApiFallback: Story = {
  parameters: { docs: { description: { story: 'No client configured: the light-DOM link stays visible.' } } },
  render: () => html`<dvc-dossier-tracker>
    <a href="https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html">Tra cứu hồ sơ trên Cổng Dịch vụ công quốc gia</a>
  </dvc-dossier-tracker>`,
};
