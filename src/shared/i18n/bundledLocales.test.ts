import { bundledLocales } from './bundledLocales';

describe('bundledLocales', () => {
  it('gives the bundled resources of a shipped language', async () => {
    await expect(bundledLocales(['en-US'], { 'en-US': { greeting: 'hello' } })('en-US')).resolves.toEqual({ greeting: 'hello' });
  });

  it('gives no resources for a language the plugin does not ship', async () => {
    await expect(bundledLocales(['en-US'], { 'en-US': { greeting: 'hello' } })('de-DE')).resolves.toEqual({});
  });

  it('does not hand out a bundled file for a language plugin.json does not list', async () => {
    await expect(bundledLocales(['en-US'], { 'en-US': {}, 'fr-FR': { greeting: 'bonjour' } })('fr-FR')).resolves.toEqual({});
  });

  it('names the languages plugin.json lists without a bundled file', () => {
    expect(() => bundledLocales(['en-US', 'de-DE', 'es-ES'], { 'en-US': {} })).toThrow(
      'plugin.json lists de-DE, es-ES in "languages" but the module bundles no locale file for it'
    );
  });
});
