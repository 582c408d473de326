import { bundledLocales } from './bundledLocales';

describe('bundledLocales', () => {
  it('loads the resources of a shipped language', async () => {
    const load = jest.fn(async (language: string) => ({ default: { greeting: `hello in ${language}` } }));
    await expect(bundledLocales(['en-US'], load)('en-US')).resolves.toEqual({ greeting: 'hello in en-US' });
    expect(load).toHaveBeenCalledWith('en-US');
  });

  it('gives no resources, without loading, for a language the plugin does not ship', async () => {
    const load = jest.fn(async () => ({ default: { greeting: 'hello' } }));
    await expect(bundledLocales(['en-US'], load)('de-DE')).resolves.toEqual({});
    expect(load).not.toHaveBeenCalled();
  });
});
