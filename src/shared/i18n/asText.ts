/**
 * i18next HTML-escapes interpolated values (`"` becomes `&quot;`, `/` becomes `&#x2F;`), and React then shows the
 * entity literally. React renders strings as text, never as HTML, so values pass through unescaped: spread this
 * into t()'s values whenever the text interpolates data (names, label values, error messages).
 */
export const AS_TEXT = Object.freeze({ interpolation: Object.freeze({ escapeValue: false }) });
