import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { storyClient, type StoryClientOptions } from './support/api.ts';

interface ProcedureArgs {
  code: string;
  headingLevel: number;
  submitHref: string;
  lang: string;
  network: NonNullable<StoryClientOptions['network']>;
}

const meta: Meta<ProcedureArgs> = {
  title: 'Elements/Procedure',
  component: 'dvc-procedure',
  args: {
    code: '1.001193',
    headingLevel: 2,
    submitHref: 'https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen.html?ma_thu_tuc={code}',
    lang: '',
    network: 'live',
  },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'select', options: ['', 'vi', 'en'] },
    network: { control: 'select', options: ['live', 'loading', 'offline', 'server-error', 'rate-limited'] },
  },
  render: ({ code, headingLevel, submitHref, lang, network }) => html`<dvc-procedure code=${code}
      heading-level=${headingLevel} submit-href=${submitHref || nothing} lang=${lang || nothing} .client=${storyClient({ network })}>
    <a href="https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${code}">Xem thủ tục trên Cổng Dịch vụ công quốc gia</a>
  </dvc-procedure>`,
};
export default meta;
type Story = StoryObj<ProcedureArgs>;

const describe = (story: string) => ({ docs: { description: { story } } });

export const Full: Story = { parameters: describe('Đăng ký khai sinh: channels, documents per case, steps, legal basis, and the "submit online" link.') };

export const Marriage: Story = { args: { code: '1.000894' }, parameters: describe('Đăng ký kết hôn.') };

export const ForeignElement: Story = { args: { code: '2.000528' }, parameters: describe('Đăng ký khai sinh có yếu tố nước ngoài (partly online).') };

export const NotDetailed: Story = {
  args: { code: '1.001653' },
  parameters: describe('The catalogue only lists this procedure: a notice and the portal link instead of empty sections.'),
};

export const NotFound: Story = { args: { code: '9.999999' }, parameters: describe('An unknown code: a warning with a link to the national portal.') };

export const Loading: Story = { args: { network: 'loading' }, parameters: describe('Waiting for the API: a busy skeleton.') };

export const ServerError: Story = { args: { network: 'server-error' }, parameters: describe('The API failed: an alert with a retry button.') };

export const Offline: Story = { args: { network: 'offline' }, parameters: describe('No network: loads again when the browser is back online.') };

export const RateLimited: Story = { args: { network: 'rate-limited' }, parameters: describe('429 with Retry-After.') };

export const WithoutSubmitLink: Story = {
  args: { submitHref: '' },
  parameters: describe('No `submit-href`: the procedure without the "submit online" button, for sites that only inform.'),
};

export const HeadingLevel3: Story = { args: { headingLevel: 3 }, parameters: describe('`heading-level="3"` for a page that already has an h2 above.') };

export const English: Story = { args: { lang: 'en' }, parameters: describe('Labels in English; catalogue text stays as published.') };

export const NoApiFallback: Story = {
  parameters: describe('No client configured: the light-DOM link stays visible.'),
  render: () => html`<dvc-procedure code="1.001193">
    <a href="https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193">Xem thủ tục trên Cổng Dịch vụ công quốc gia</a>
  </dvc-procedure>`,
};
