import { type ResourceLoader, type Resources } from '@grafana/i18n';

/**
 * A loader for the locale files bundled into a plugin's module by static imports (no `import()` with a
 * template: webpack would emit a lazy context module whose source-map entry names no file, which Grafana's
 * plugin validator rejects as js-map-no-match). Grafana 12.1+ also fetches the files itself from plugin.json
 * "languages"; the bundled copy covers hosts that do not (the browser harness). A language the plugin does
 * not ship resolves to no resources, so t() falls back to the English defaults in the source.
 */
export function bundledLocales(languages: readonly string[], resources: Readonly<Record<string, Resources>>): ResourceLoader {
  const missing = languages.filter((language) => !Object.prototype.hasOwnProperty.call(resources, language));
  if (missing.length > 0) {
    throw new Error(`plugin.json lists ${missing.join(', ')} in "languages" but the module bundles no locale file for it`);
  }
  return async (language) => (languages.includes(language) ? resources[language] : {});
}
