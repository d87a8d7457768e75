import { defineConfig } from 'vite';

/** Where `npm run dev` sends API calls: a running `sightline start`. */
const apiTarget = process.env.SIGHTLINE_URL ?? 'http://127.0.0.1:4318';

// Preact through Vite's own JSX transform (Oxc): no Babel and no preset for a production build.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});
