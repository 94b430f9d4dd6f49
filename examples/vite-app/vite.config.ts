import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the built app works from any folder (npm start serves it under /examples/vite-app/).
  base: './',
  // `npm run dev`: the API calls go to a reference API started with `npm start` in the dvc-kit repository.
  server: { proxy: { '/v1': 'http://127.0.0.1:8787' } },
});
