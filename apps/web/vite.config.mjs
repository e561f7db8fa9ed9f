import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));

// The staff web app, built into dist/web and served by the API under /app (create-api.ts).
export default defineConfig({
  root,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: { alias: { '@hearth/domain': `${repo}libs/domain/src` } },
  build: {
    outDir: `${repo}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    // Mantine marks its modules "use client" for React Server Components, which a single-page app has not.
    rollupOptions: { onwarn: (warning, warn) => warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warn(warning) },
  },
  server: { proxy: Object.fromEntries(['/auth', '/me', '/tasks', '/households', '/panels', '/carers', '/calendar', '/alerts', '/staff', '/teams', '/forms', '/cases', '/health', '/personal-data-reads'].map((path) => [path, 'http://127.0.0.1:3000'])) },
});
