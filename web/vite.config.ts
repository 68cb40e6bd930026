import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The api (all-in-one) listens on 8080 by default; the dev server forwards to it.
const API_TARGET = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // The big libraries in chunks of their own: they change less often than the app, so browsers keep them cached.
        manualChunks: (id: string) => {
          if (id.includes('node_modules/.pnpm/maplibre-gl')) return 'maplibre';
          if (id.includes('@deck.gl') || id.includes('@luma.gl') || id.includes('@loaders.gl') || id.includes('@math.gl') || id.includes('h3-js')) return 'deck';
          if (id.includes('node_modules/.pnpm/react')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false, ws: true },
      '/open311': { target: API_TARGET, changeOrigin: false },
    },
  },
});
