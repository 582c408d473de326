/**
 * i18next HTML-escapes interpolated values (`/` becomes `&#x2F;`), and React then shows the entity as text.
 * React already renders strings as text, never as HTML, so values pass through unescaped: spread this into
 * t()'s values for any value that may hold such characters (namespaces, focus, error text).
 */
export const AS_TEXT = Object.freeze({ interpolation: Object.freeze({ escapeValue: false }) });
