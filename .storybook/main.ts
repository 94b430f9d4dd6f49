import type { StorybookConfig } from '@storybook/web-components-vite';
import { transform } from 'esbuild';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // Vite 8 transforms TypeScript with Oxc, which cannot lower standard decorators (the build "succeeds" and the
    // story dies with a SyntaxError): run esbuild first on the project's own TypeScript.
    viteConfig.plugins = [
      {
        name: 'dvc-esbuild-decorators',
        enforce: 'pre',
        async transform(code: string, id: string) {
          if (!/\.ts$/.test(id) || id.includes('/node_modules/')) return null;
          const out = await transform(code, { loader: 'ts', target: 'es2022', sourcemap: true, sourcefile: id });
          return { code: out.code, map: out.map };
        },
      },
      ...(viteConfig.plugins ?? []),
    ];
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['source', 'browser', 'module', 'import', 'development', 'default'] };
    return viteConfig;
  },
};
export default config;
