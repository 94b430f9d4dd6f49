import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DemoDossier } from '@dvc-kit/reference-api';
import type { DvcDossierTracker } from '../packages/elements/src/dossier-tracker/dvc-dossier-tracker.ts';
import { storyClient, storyDossiers, type StoryClientOptions } from './support/api.ts';
import { waitFor } from './support/wait.ts';

interface TrackerArgs {
  code: string;
  network: NonNullable<StoryClientOptions['network']>;
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
  args: { code: '', network: 'live' },
  argTypes: {
    network: { control: 'select', options: ['live', 'loading', 'offline', 'server-error', 'rate-limited'] },
  },
  render: ({ code, network }) => html`<dvc-dossier-tracker code=${code} .client=${storyClient({ network })}>
    <a href="https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html">Tra cứu hồ sơ trên Cổng Dịch vụ công quốc gia</a>
  </dvc-dossier-tracker>`,
};
export default meta;
type Story = StoryObj<TrackerArgs>;

export const Form: Story = {};

export const PrefilledCode: Story = { args: { code: '000.00.06.H56-231027-0361' } };

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(await lookUp(canvasElement, 'abc', ''), '#error-summary');
  },
};

export const Loading: Story = {
  args: { network: 'loading' },
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await lookUp(canvasElement, d.code, d.idNumber);
  },
};

export const NotFound: Story = {
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, '001099000001'), '#problem');
  },
};

export const RateLimited: Story = {
  args: { network: 'rate-limited' },
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, d.idNumber), '#problem');
  },
};

export const Offline: Story = {
  args: { network: 'offline' },
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, d.idNumber), '#problem');
  },
};

export const ServerError: Story = {
  args: { network: 'server-error' },
  play: async ({ canvasElement }) => {
    const d = dossier((x) => x.status === 4);
    await waitFor(await lookUp(canvasElement, d.code, d.idNumber), '#problem');
  },
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
