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
  matchPositions: boolean;
}

const search = (canvas: HTMLElement) => canvas.querySelector('dvc-service-search') as DvcServiceSearch;

const answered = (canvas: HTMLElement) => waitFor(search(canvas), '.results[aria-busy="false"]');

/** Types into the search box as a citizen would (one input event for the whole text). */
async function type(canvas: HTMLElement, text: string): Promise<DvcServiceSearch> {
  const el = search(canvas);
  const input = await waitFor(el, '#q') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  return el;
}

/** Waits for the first page of results, then presses "Xem thêm". */
async function loadMore(canvas: HTMLElement): Promise<DvcServiceSearch> {
  await answered(canvas);
  const el = search(canvas);
  (await waitFor(el, '[part="load-more"]')).click();
  return el;
}

const meta: Meta<SearchArgs> = {
  title: 'Elements/Service search',
  component: 'dvc-service-search',
  args: { query: '', level: '', field: '', detailHref: '', lang: '', network: 'live', matchPositions: true },
  argTypes: {
    level: { control: 'select', options: ['', 'xa', 'tinh', 'bo', 'khac'] },
    lang: { control: 'select', options: ['', 'vi', 'en'] },
    network: {
      control: 'select',
      options: ['live', 'loading', 'offline', 'server-error', 'rate-limited', 'loading-more', 'offline-more', 'server-error-more',
        'loading-refine', 'server-error-refine'],
    },
  },
  render: ({ query, level, field, detailHref, lang, network, matchPositions }) => html`<dvc-service-search query=${query}
      level=${level || nothing} field=${field || nothing} detail-href=${detailHref || nothing} lang=${lang || nothing}
      submit-href="https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen.html?ma_thu_tuc={code}"
      .client=${storyClient({ network, matchPositions })}>
    <a href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html">Tra cứu thủ tục hành chính trên Cổng Dịch vụ công quốc gia</a>
  </dvc-service-search>`,
};
export default meta;
type Story = StoryObj<SearchArgs>;

const describe = (story: string) => ({ docs: { description: { story } } });

export const Initial: Story = { parameters: describe('Nothing typed yet: the label, the hint and the filters.') };

export const TooShort: Story = {
  parameters: describe('One letter typed: the hint asks for at least two characters, and nothing is searched yet.'),
  play: async ({ canvasElement }) => {
    const el = await type(canvasElement, 'k');
    if (!(await waitFor(el, '#hint')).textContent!.includes('2')) throw new Error('story: no "too short" hint');
    if (el.shadowRoot!.querySelector('.outcome')!.childElementCount) throw new Error('story: one letter searched');
  },
};

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

export const EmptyWithFilter: Story = {
  parameters: describe('No match under the level the citizen chose: the tips and a button that clears the filters.'),
  play: async ({ canvasElement }) => {
    const el = search(canvasElement);
    const level = await waitFor(el, '#level') as HTMLSelectElement;
    level.value = 'bo';
    level.dispatchEvent(new Event('change'));
    await answered(canvasElement);
    await type(canvasElement, 'khai sinh');
    await waitFor(el, '.empty button');
  },
};

export const MoreLoaded: Story = {
  args: { query: 'dang ky' },
  parameters: describe('"Xem thêm kết quả" pressed: the next ten results follow the first, focus on the first new one.'),
  play: async ({ canvasElement }) => { await waitFor(await loadMore(canvasElement), '.result:nth-child(11)'); },
};

export const LoadingMore: Story = {
  args: { query: 'dang ky', network: 'loading-more' },
  parameters: describe('The next page is on its way: the results stay, the button is busy and disabled.'),
  play: async ({ canvasElement }) => { await waitFor(await loadMore(canvasElement), '[part="load-more"][disabled]'); },
};

export const LoadMoreFailed: Story = {
  args: { query: 'dang ky', network: 'server-error-more' },
  parameters: describe('The next page failed: the first results stay, an alert with a retry takes the button\'s place.'),
  play: async ({ canvasElement }) => { await waitFor(await loadMore(canvasElement), '.more-failure [role="alert"]'); },
};

export const Refining: Story = {
  args: { query: 'khai sinh', network: 'loading-refine' },
  parameters: describe('A new search runs while the previous results stay, readable, marked busy under a bar.'),
  play: async ({ canvasElement }) => {
    await answered(canvasElement);
    await waitFor(await type(canvasElement, 'khai sinh cho con'), '.results[aria-busy="true"]');
  },
};

export const NoMatchPositions: Story = {
  args: { query: 'dang ky khai sinh', matchPositions: false },
  parameters: describe('A gateway that sends no match positions: the names are highlighted in the browser, from the query.'),
  play: async ({ canvasElement }) => { await waitFor(search(canvasElement), '.results[aria-busy="false"] mark'); },
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
