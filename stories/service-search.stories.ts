import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { DvcServiceSearch } from '../packages/elements/src/service-search/dvc-service-search.ts';
import { storyClient, type StoryClientOptions } from './support/api.ts';
import { waitFor } from './support/wait.ts';

interface SearchArgs {
  query: string;
  level: string;
  field: string;
  detailHref: string;
  lang: string;
  network: NonNullable<StoryClientOptions['network']>;
}

const search = (canvas: HTMLElement) => canvas.querySelector('dvc-service-search') as DvcServiceSearch;

const meta: Meta<SearchArgs> = {
  title: 'Elements/Service search',
  component: 'dvc-service-search',
  args: { query: '', level: '', field: '', detailHref: '', lang: '', network: 'live' },
  argTypes: {
    level: { control: 'select', options: ['', 'xa', 'tinh', 'bo', 'khac'] },
    lang: { control: 'select', options: ['', 'vi', 'en'] },
    network: { control: 'select', options: ['live', 'loading', 'offline', 'server-error', 'rate-limited'] },
  },
  render: ({ query, level, field, detailHref, lang, network }) => html`<dvc-service-search query=${query}
      level=${level || nothing} field=${field || nothing} detail-href=${detailHref || nothing} lang=${lang || nothing}
      submit-href="https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen.html?ma_thu_tuc={code}"
      .client=${storyClient({ network })}>
    <a href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html">Tra cứu thủ tục hành chính trên Cổng Dịch vụ công quốc gia</a>
  </dvc-service-search>`,
};
export default meta;
type Story = StoryObj<SearchArgs>;

const describe = (story: string) => ({ docs: { description: { story } } });

export const Initial: Story = { parameters: describe('Nothing typed yet: the label, the hint and the filters.') };

export const Results: Story = {
  args: { query: 'dang ky khai sinh' },
  parameters: describe('Typed without accents: "Đăng ký khai sinh" (1.001193) comes first, matches highlighted.'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '.results[aria-busy="false"]'); },
};

export const CodeTail: Story = {
  args: { query: '001193' },
  parameters: describe('The last digits of a procedure code find it.'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '.results[aria-busy="false"]'); },
};

export const Loading: Story = {
  args: { query: 'khai sinh', network: 'loading' },
  parameters: describe('Waiting for the API: a skeleton that keeps the layout, marked aria-busy.'),
};

export const Empty: Story = {
  args: { query: 'qqqzzz' },
  parameters: describe('No match: suggestions (spelling, fewer words, the code).'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '.empty'); },
};

export const ServerError: Story = {
  args: { query: 'khai sinh', network: 'server-error' },
  parameters: describe('The API failed: an alert with a retry button.'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '[role="alert"]'); },
};

export const Offline: Story = {
  args: { query: 'khai sinh', network: 'offline' },
  parameters: describe('No network: the search runs again by itself when the browser is back online.'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '[role="alert"]'); },
};

export const RateLimited: Story = {
  args: { query: 'khai sinh', network: 'rate-limited' },
  parameters: describe('429 with Retry-After: the wait is stated and retry unlocks after it.'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '[role="alert"]'); },
};

export const CommunePreset: Story = {
  args: { query: 'dang ky', level: 'xa' },
  parameters: describe('A commune site: `level="xa"` preset, the level filter hidden.'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '.results[aria-busy="false"]'); },
};

export const FieldFilter: Story = {
  args: { query: 'cap', field: 'dat-dai' },
  parameters: describe('A department site: `field="dat-dai"` preset.'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '.results[aria-busy="false"], .empty'); },
};

export const DetailLinks: Story = {
  args: { query: 'ket hon', detailHref: '/thu-tuc-hanh-chinh?ma={code}' },
  parameters: describe('With `detail-href`, results are links to the site\'s own procedure page.'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '.results[aria-busy="false"]'); },
};

export const InlineDetail: Story = {
  args: { query: 'khai sinh' },
  parameters: describe('A result opened inline, with "Quay lại kết quả" returning to the list and to the chosen result.'),
  play: async ({ canvasElement }) => {
    const el = search(canvasElement);
    (await waitFor(el, '[data-code="1.001193"]')).click();
    await waitFor(el, 'dvc-procedure');
  },
};

export const English: Story = {
  args: { query: 'khai sinh', lang: 'en' },
  parameters: describe('The same widget under lang="en" (catalogue text stays as published, in Vietnamese).'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '.results[aria-busy="false"]'); },
};

export const NoApiFallback: Story = {
  parameters: describe('No client configured: the light-DOM link stays visible.'),
  render: () => html`<dvc-service-search>
    <a href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html">Tra cứu thủ tục hành chính trên Cổng Dịch vụ công quốc gia</a>
  </dvc-service-search>`,
};
