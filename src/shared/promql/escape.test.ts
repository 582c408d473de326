import { escapeLabelValue, escapeRegexValue } from './escape';
import { eq, inList, noneOf, oneOf, selector } from './matchers';

describe('PromQL escaping', () => {
  it('escapes quotes, backslashes and newlines in label values', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(eq('destination_service', 'x" or vector(1) or "')).toBe('destination_service="x\\" or vector(1) or \\""');
  });

  it('escapes regex metacharacters so a ServiceEntry wildcard host matches literally', () => {
    // In PromQL source the regex \. is written \\. inside the double-quoted string.
    expect(escapeRegexValue('*.example.com')).toBe('\\\\*\\\\.example\\\\.com');
    expect(inList('destination_service', ['a.b', 'c|d'])).toBe('destination_service=~"a\\\\.b|c\\\\|d"');
  });

  it('never writes a $ that Grafana’s template service would expand: data stays data', () => {
    // PromQL reads \x24 in a string as "$"; RE2 reads \x24 as a literal "$".
    expect(escapeLabelValue('reviews${__range}-v1')).toBe('reviews\\x24{__range}-v1');
    expect(escapeRegexValue('reviews${__range}-v1')).toBe('reviews\\\\x24\\\\{__range\\\\}-v1');
    expect(eq('ns', '$namespace')).toBe('ns="\\x24namespace"');
    for (const text of [escapeLabelValue('a$b$__range'), escapeRegexValue('[[x]]$y')]) {
      expect(text).not.toContain('$');
    }
    // `[[x]]` is the template service's other variable syntax: its first `[` becomes `\x5b` (`[` to PromQL).
    expect(escapeLabelValue('a[[x]]b[[[y')).toBe('a\\x5b[x]]b\\x5b\\x5b[y');
    expect(escapeRegexValue('[[x]]')).toBe('\\\\[\\\\[x\\\\]\\\\]');
  });

  it('one value is an equality, several a literal alternation; selectors skip absent matchers', () => {
    expect(oneOf('ns', ['bookinfo'])).toBe('ns="bookinfo"');
    expect(oneOf('ns', ['a.b', 'c'])).toBe('ns=~"a\\\\.b|c"');
    expect(noneOf('ns', ['a'])).toBe('ns!="a"');
    expect(noneOf('ns', ['a', 'b'])).toBe('ns!~"a|b"');
    expect(() => oneOf('ns', [])).toThrow('at least one value');
    expect(selector('m', [eq('a', '1'), undefined, eq('b', '2')])).toBe('m{a="1", b="2"}');
    expect(selector('m', [eq('a', '1'), eq('b', '2')], ',')).toBe('m{a="1",b="2"}');
    expect(selector('m', [])).toBe('m');
  });
});
