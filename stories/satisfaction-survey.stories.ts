import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DvcSatisfactionSurvey } from '../packages/elements/src/satisfaction-survey/dvc-satisfaction-survey.ts';
import { storyClient, storyDossiers, storySurveyToken, type StoryClientOptions } from './support/api.ts';
import { waitFor } from './support/wait.ts';

interface SurveyArgs {
  form: string;
  dossierCode: string;
  network: NonNullable<StoryClientOptions['network']>;
}

const returned = storyDossiers.find((d) => d.status === 10)!;
const anotherReturned = storyDossiers.find((d) => d.status === 10 && d.code !== returned.code)!;

async function loaded(canvas: HTMLElement): Promise<DvcSatisfactionSurvey> {
  const el = canvas.querySelector('dvc-satisfaction-survey')!;
  await waitFor(el, 'form');
  return el;
}

/** Answers every choice question with its first option and writes a short comment, as a citizen would. */
async function answer(el: DvcSatisfactionSurvey): Promise<void> {
  for (const fieldset of el.shadowRoot!.querySelectorAll('fieldset')) fieldset.querySelector<HTMLInputElement>('input')!.click();
  const text = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea');
  if (text) {
    text.value = 'Cán bộ hướng dẫn tận tình, thủ tục nhanh gọn.';
    text.dispatchEvent(new Event('input'));
  }
  await el.updateComplete;
}

function submit(el: DvcSatisfactionSurvey): void {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

const meta: Meta<SurveyArgs> = {
  title: 'Elements/Satisfaction survey',
  component: 'dvc-satisfaction-survey',
  args: { form: 'default', dossierCode: returned.code, network: 'live' },
  // The tracker hands the survey the proof of its lookup; a story gets it the same way, by looking the dossier up.
  loaders: [async () => ({ token: await storySurveyToken(returned) })],
  argTypes: {
    form: { control: 'select', options: ['default', 'general'] },
    network: {
      control: 'select',
      options: ['live', 'loading', 'offline', 'offline-posts', 'server-error', 'rate-limited', 'rate-limited-posts'],
    },
  },
  render: ({ form, dossierCode, network }, { loaded }) => html`<dvc-satisfaction-survey form=${form} dossier-code=${dossierCode}
    dossier-token=${dossierCode === returned.code ? loaded.token : ''} .client=${storyClient({ network })}>
    <a href="https://dichvucong.gov.vn/">Đánh giá trên Cổng Dịch vụ công quốc gia</a>
  </dvc-satisfaction-survey>`,
};
export default meta;
type Story = StoryObj<SurveyArgs>;

export const PerDossier: Story = {};

export const General: Story = { args: { form: 'general', dossierCode: '' } };

export const Loading: Story = { args: { network: 'loading' } };

export const LoadError: Story = { args: { network: 'offline' } };

export const FormNotFound: Story = { args: { form: 'khong-co-phieu-nay' } };

export const NeedsDossier: Story = {
  args: { dossierCode: '' },
  parameters: { docs: { description: { story: 'A per-dossier form opened without a looked-up dossier.' } } },
};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const text = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
    text.value = 'Liên hệ tôi qua số 0912 345 678';
    text.dispatchEvent(new Event('input'));
    submit(el);
    await waitFor(el, '#error-summary');
  },
};

export const CharacterCounterOverLimit: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const text = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
    text.value = 'Thủ tục cần rút gọn thêm. '.repeat(20);
    text.dispatchEvent(new Event('input'));
  },
};

/** A play function: answers the form and sends it, as a citizen would, then waits for what `shows` finds. */
const send = (shows: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = await loaded(canvasElement);
  await answer(el);
  submit(el);
  await waitFor(el, shows);
};
const sendAndFail = send('#send-problem');

export const Sent: Story = { play: send('[part=outcome]') };

export const SavedOffline: Story = {
  args: { network: 'offline-posts' },
  parameters: { docs: { description: { story: 'The network drops when sending: the response waits on this device.' } } },
  play: send('[part=outcome]'),
};

export const SendRateLimited: Story = {
  args: { network: 'rate-limited-posts' },
  parameters: { docs: { description: { story: 'Too many posts from this address (429 with Retry-After).' } } },
  play: sendAndFail,
};

export const DossierNotAccepted: Story = {
  // Another dossier's token: what the API answers to a rating it cannot tie to a lookup of this dossier.
  loaders: [async () => ({ token: await storySurveyToken(anotherReturned) })],
  parameters: { docs: { description: { story: 'The API does not accept the proof of the lookup sent with the answers.' } } },
  play: sendAndFail,
};

export const English: Story = {
  render: ({ form, dossierCode, network }, { loaded }) => html`<dvc-satisfaction-survey lang="en" form=${form}
    dossier-code=${dossierCode} dossier-token=${dossierCode === returned.code ? loaded.token : ''}
    .client=${storyClient({ network })}></dvc-satisfaction-survey>`,
};

export const NoApiFallback: Story = {
  render: () => html`<dvc-satisfaction-survey>
    <a href="https://dichvucong.gov.vn/">Đánh giá trên Cổng Dịch vụ công quốc gia</a>
  </dvc-satisfaction-survey>`,
};
