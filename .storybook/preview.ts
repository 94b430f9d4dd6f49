import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/elements/custom-elements.json';
import '../packages/elements/src/define.ts';

type Typed = { type?: { text: string } };
type Member = Typed & { name: string; privacy?: string };
type Declaration = { members?: Member[]; attributes?: Typed[] };
/** `string | undefined` is a string a page may leave out: Storybook gives a string a text box, a union a JSON editor. */
const required = <T extends Typed>(item: T): T => (item.type ? { ...item, type: { text: item.type.text.replace(/ \| undefined$/, '') } } : item);
// The analyzer lists #private and protected members too; a designer's tables show only what a page can set.
setCustomElementsManifest({
  ...manifest,
  modules: manifest.modules.map((module) => ({
    ...module,
    declarations: (module.declarations as Declaration[] | undefined)?.map((declaration) => ({
      ...declaration,
      attributes: declaration.attributes?.map(required),
      members: declaration.members?.filter((m) => !m.name.startsWith('#') && m.privacy !== 'private' && m.privacy !== 'protected').map(required),
    })),
  })),
});

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  globalTypes: {
    lang: {
      description: 'Ngôn ngữ / Language',
      toolbar: { title: 'lang', items: [{ value: 'vi', title: 'Tiếng Việt' }, { value: 'en', title: 'English' }] },
    },
  },
  initialGlobals: { lang: 'vi' },
  decorators: [
    (story, context) => {
      const lang = (context.globals.lang as string) || 'vi';
      document.documentElement.lang = lang;
      // Docs pages put stories inside Storybook's own lang="en" block: the elements follow the nearest lang.
      return html`<div lang=${lang}>${story()}</div>`;
    },
  ],
};
export default preview;
