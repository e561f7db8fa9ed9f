import type { BundleOptions } from '@temporalio/worker';
import { resolve } from 'node:path';

// Three levels up from libs/temporal/src is the repository root when running from source, and
// dist/ when running compiled code, where workflows/ and libs/ sit side by side in the same way.
const root = resolve(__dirname, '..', '..', '..');

/** The module that exports every workflow (index.ts from source, index.js when compiled). */
export const workflowsPath = resolve(root, 'workflows');

/**
 * Temporal's webpack bundler ignores tsconfig `paths`, so the same aliases are given here once
 * and used by the worker, the bundle script and the replay tests.
 */
export const workflowBundlerOptions: Pick<BundleOptions, 'webpackConfigHook'> = {
  webpackConfigHook: (config) => ({
    ...config,
    resolve: {
      ...config.resolve,
      alias: {
        ...(config.resolve?.alias as Record<string, string> | undefined),
        '@hearth/domain': resolve(root, 'libs', 'domain', 'src'),
      },
    },
  }),
};
