import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

// Layered on create-plugin's config: nested panels keep their own img/ folders.
const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return merge(baseConfig, {
    // The app and the nested panels are entries of one build that share chunks (one chunk-loading
    // global). Per-runtime export analysis would code-generate a module used by two entries with
    // different (mangled) exports, and whichever copy a shared chunk installs last wins: the panel
    // then read exports the app's copy does not have (src/shared/health in the app's graph pages).
    // One analysis for all entries keeps every module's exports the same everywhere.
    optimization: { usedExports: 'global' },
    plugins: [new CopyWebpackPlugin({ patterns: [{ from: 'panels/*/img/**', to: '.', noErrorOnMissing: true }] })],
  });
};

export default config;
