import { DEFAULT_DISPLAY, displayPanelOptions, displayUrlValue, parseDisplay } from './displayOptions';

describe('display options', () => {
  test('absent key means defaults (undefined); unknown values dropped; canonical order', () => {
    expect(parseDisplay(undefined)).toBeUndefined();
    expect(parseDisplay(null)).toBeUndefined();
    expect(parseDisplay(['legend', 'animation', '__proto__', 'legend'])).toEqual(['animation', 'legend']);
    expect(parseDisplay('idleNodes')).toEqual(['idleNodes']);
    expect(parseDisplay('none')).toEqual([]);
  });

  test('URL value round-trips, with "none" for an empty choice', () => {
    expect(displayUrlValue([])).toEqual(['none']);
    expect(parseDisplay(displayUrlValue(['boxes', 'mtls']))).toEqual(['mtls', 'boxes']);
  });

  test('every panel option is set, true for chosen ones', () => {
    expect(displayPanelOptions(['animation', 'idleNodes'])).toEqual({
      trafficAnimation: true,
      showMtls: false,
      showLegend: false,
      showMinimap: false,
      includeIdleEdges: false,
      showIdleNodes: true,
      injectServiceNodes: false,
      boxByNamespace: false,
    });
    expect(displayPanelOptions(DEFAULT_DISPLAY)).toMatchObject({ showMtls: true, showMinimap: true, injectServiceNodes: true, boxByNamespace: true, trafficAnimation: false });
  });
});
