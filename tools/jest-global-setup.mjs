import { build } from './build.mjs';

/** Tests that start the real server run dist/: build it once, before any test file runs. */
export default async function globalSetup() {
  await build();
}
