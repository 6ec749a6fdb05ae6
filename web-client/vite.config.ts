import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [preact()],
  build: {
    // The Maven module packages this folder, so the jar serves the client at / from classpath:/static/.
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/ws': { target: backend, ws: true, changeOrigin: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
