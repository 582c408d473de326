/** The one number formatter: durations, rates, percentages, counts and bytes, for every page and panel. */
export * from './duration';
export * from './numbers';
export * from './kiali';
