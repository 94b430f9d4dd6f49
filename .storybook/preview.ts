import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import '../packages/elements/src/define.ts';

setCustomElementsManifest(manifest);

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
      document.documentElement.lang = (context.globals.lang as string) || 'vi';
      return story();
    },
  ],
};
export default preview;
