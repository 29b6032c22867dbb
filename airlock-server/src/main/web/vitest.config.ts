import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The UI's own tests: components and forms in jsdom, with Testing Library. Run by `npm test` and by the
// Maven build (and so by ./airlock test).
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Typing into a dialog takes seconds on a busy two-core build machine.
    testTimeout: 20_000,
  },
});
