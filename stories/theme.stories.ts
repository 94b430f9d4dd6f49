import { getCustomElements, type Meta, type StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { storyClient } from './support/api.ts';
import { waitFor } from './support/wait.ts';

interface CssProperty {
  name: string;
  description?: string;
}

interface Manifest {
  modules: { declarations?: { cssProperties?: CssProperty[] }[] }[];
}

/**
 * Every `--dvc-*` token any element documents (JSDoc `@cssprop`), with the longest description found, from the
 * custom-elements.json that .storybook/preview.ts hands to Storybook.
 */
function tokens(): CssProperty[] {
  const manifest = getCustomElements() as Manifest;
  const byName = new Map<string, CssProperty>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      for (const property of declaration.cssProperties ?? []) {
        const known = byName.get(property.name);
        if (!known || (property.description ?? '').length > (known.description ?? '').length) byName.set(property.name, property);
      }
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The default a description states ("… (default #0b3d91)"), for the swatch. */
const defaultColour = (description = ''): string | undefined => /#[0-9a-f]{3,8}\b/i.exec(description)?.[0];

function tokenTable(): TemplateResult {
  return html`<style>
      .tokens { border-collapse: collapse; font: 14px/1.5 system-ui, sans-serif; color: #1b1b1b; }
      .tokens th, .tokens td { padding: 6px 12px; border-bottom: 1px solid #d0d5dc; text-align: start; vertical-align: middle; }
      .tokens code { font-size: 13px; }
      .swatch { display: inline-block; width: 2.5em; height: 1.5em; border: 1px solid #505a66; border-radius: 3px; }
    </style>
    <table class="tokens">
      <caption>Các biến giao diện <code>--dvc-*</code> / Theme tokens (đặt trên phần tử hoặc một phần tử cha)</caption>
      <thead><tr><th scope="col">Token</th><th scope="col">Dùng cho / Used for</th><th scope="col">Mặc định / Default</th></tr></thead>
      <tbody>
        ${tokens().map((token) => {
          const colour = defaultColour(token.description);
          return html`<tr>
            <th scope="row"><code>${token.name}</code></th>
            <td>${token.description ?? ''}</td>
            <td>${colour ? html`<span class="swatch" role="img" aria-label=${colour} style=${styleMap({ background: colour })}></span>` : '—'}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}

const meta: Meta = {
  title: 'Theme/Tokens and palettes',
  parameters: {
    docs: {
      description: {
        component: 'Giao diện của mọi thành phần lấy từ các biến CSS `--dvc-*` (kế thừa qua DOM như mọi biến CSS) và các `::part`. '
          + 'CSS của trang chủ không lọt vào trong thành phần, và CSS của thành phần không lọt ra ngoài. / '
          + 'Every element is themed through the `--dvc-*` custom properties (inherited like any custom property) and its `::part`s; '
          + 'host CSS cannot leak in, and nothing leaks out.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;


export const Tokens: Story = {
  parameters: { docs: { description: { story: 'Mọi token, lấy từ custom-elements.json. / Every token, read from custom-elements.json.' } } },
  render: () => html`${tokenTable()}
    <dvc-service-search query="khai sinh" page-size="2" .client=${storyClient()}></dvc-service-search>`,
  play: async ({ canvasElement }) => { await waitFor(canvasElement.querySelector('dvc-service-search')!, '.results[aria-busy="false"]'); },
};

export const ProvincePalette: Story = {
  parameters: {
    docs: {
      description: {
        story: 'Một bảng màu riêng của tỉnh chỉ bằng CSS của trang: màu, bo góc, phông chữ, khoảng cách, và một `::part`. / '
          + 'A province palette from the host page\'s CSS alone: colours, radius, font, spacing and one `::part`.',
      },
    },
  },
  render: () => html`<style>
      .province-theme {
        --dvc-color-primary: #14532d;
        --dvc-color-accent: #b45309;
        --dvc-color-link: #14532d;
        --dvc-color-mark: #fde68a;
        --dvc-color-focus: #b45309;
        --dvc-color-surface-alt: #f0f7f2;
        --dvc-radius: 0.75em;
        --dvc-space: 1.25em;
        --dvc-font-family: Georgia, 'Noto Serif', serif;
      }
      .province-theme dvc-service-search::part(result) { border-inline-start: 6px solid #14532d; }
      .province-theme dvc-service-search::part(input) { background: #fffdf5; }
    </style>
    <div class="province-theme">
      <dvc-service-search query="dang ky khai sinh" page-size="3" .client=${storyClient()}></dvc-service-search>
    </div>`,
  play: async ({ canvasElement }) => { await waitFor(canvasElement.querySelector('dvc-service-search')!, '.results[aria-busy="false"]'); },
};

export const DarkPalette: Story = {
  parameters: {
    backgrounds: { disable: true },
    docs: { description: { story: 'Nền tối, vẫn đạt tương phản AA. / A dark palette that keeps AA contrast.' } },
  },
  render: () => html`<style>
      .dark-theme {
        padding: 1.5em;
        background: #111827;
        --dvc-color-surface: #111827;
        --dvc-color-surface-alt: #1f2937;
        --dvc-color-text: #f3f4f6;
        --dvc-color-muted: #cbd5e1;
        --dvc-color-border: #94a3b8;
        --dvc-color-primary: #93c5fd;
        --dvc-color-on-primary: #0b1220;
        --dvc-color-link: #bfdbfe;
        --dvc-color-mark: #854d0e;
        --dvc-color-focus: #fbbf24;
        --dvc-color-success: #86efac;
        --dvc-color-warning: #fde68a;
        --dvc-color-danger: #fca5a5;
        --dvc-color-accent: #fca5a5;
      }
    </style>
    <div class="dark-theme">
      <dvc-service-search query="khai sinh" page-size="3" .client=${storyClient()}></dvc-service-search>
    </div>`,
  play: async ({ canvasElement }) => { await waitFor(canvasElement.querySelector('dvc-service-search')!, '.results[aria-busy="false"]'); },
};

/** The tokens a designer tries first, as Storybook controls. */
interface PaletteArgs {
  primary: string;
  accent: string;
  link: string;
  text: string;
  surfaceAlt: string;
  radius: string;
  space: string;
  fontFamily: string;
  fontSize: string;
}

export const TryYourPalette: StoryObj<PaletteArgs> = {
  parameters: {
    docs: {
      description: {
        story: 'Đổi các token trong bảng điều khiển (Controls) và xem ngay kết quả; chép các giá trị vào CSS của trang. / '
          + 'Change the tokens in the Controls panel and see the result at once; copy the values into the page\'s CSS.',
      },
    },
  },
  args: {
    primary: '#0b3d91', accent: '#a50e0e', link: '#0b3d91', text: '#1b1b1b', surfaceAlt: '#f3f5f8',
    radius: '0.25em', space: '1em', fontFamily: 'system-ui, sans-serif', fontSize: '16px',
  },
  argTypes: {
    primary: { control: 'color', name: '--dvc-color-primary' },
    accent: { control: 'color', name: '--dvc-color-accent' },
    link: { control: 'color', name: '--dvc-color-link' },
    text: { control: 'color', name: '--dvc-color-text' },
    surfaceAlt: { control: 'color', name: '--dvc-color-surface-alt' },
    radius: { control: 'text', name: '--dvc-radius' },
    space: { control: 'text', name: '--dvc-space' },
    fontFamily: { control: 'text', name: '--dvc-font-family' },
    fontSize: { control: 'text', name: '--dvc-font-size' },
  },
  render: (args) => html`<div style=${styleMap({
    '--dvc-color-primary': args.primary, '--dvc-color-accent': args.accent, '--dvc-color-link': args.link,
    '--dvc-color-text': args.text, '--dvc-color-surface-alt': args.surfaceAlt, '--dvc-radius': args.radius,
    '--dvc-space': args.space, '--dvc-font-family': args.fontFamily, '--dvc-font-size': args.fontSize,
  })}>
      <dvc-service-search query="khai sinh" page-size="2" .client=${storyClient()}></dvc-service-search>
    </div>`,
  play: async ({ canvasElement }) => { await waitFor(canvasElement.querySelector('dvc-service-search')!, '.results[aria-busy="false"]'); },
};
