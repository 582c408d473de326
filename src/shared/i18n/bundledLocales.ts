import { type ResourceLoader, type Resources } from '@grafana/i18n';

/**
 * A loader for the locale files webpack bundles beside a plugin's module (one chunk per language).
 * Grafana 12.1+ also fetches them itself from plugin.json "languages"; the bundled copy covers hosts that
 * do not (the browser harness), and a language the plugin does not ship resolves to no resources instead of
 * a failed chunk load, so t() falls back to the English defaults in the source.
 */
export function bundledLocales(languages: readonly string[], load: (language: string) => Promise<{ default: Resources }>): ResourceLoader {
  return async (language) => (languages.includes(language) ? (await load(language)).default : {});
}
