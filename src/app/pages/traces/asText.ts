/**
 * i18next HTML-escapes interpolated values by default, so a service named `a"b` would read `a&quot;b`.
 * React escapes text when it renders, so messages with data in them pass this to `t()` instead.
 */
export const AS_TEXT = { interpolation: { escapeValue: false } } as const;
