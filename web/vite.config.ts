/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Builds the single-page site into the ASP.NET Core project's wwwroot. `npm run dev` proxies /api to a running
// `bosporos serve` on the default address.
export default defineConfig({
  base: './',
  build: {
    outDir: '../src/Bosporos.Web/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    modulePreload: { polyfill: false },
  },
  server: {
    fs: { allow: ['..'] },
    proxy: { '/api': 'http://127.0.0.1:5626' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
