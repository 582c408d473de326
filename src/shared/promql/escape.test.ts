import { escapeLabelValue, escapeRegexValue, labelEquals, labelIn } from './escape';

describe('PromQL escaping', () => {
  it('escapes quotes, backslashes and newlines in label values', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(labelEquals('destination_service', 'x" or vector(1) or "')).toBe('destination_service="x\\" or vector(1) or \\""');
  });

  it('escapes regex metacharacters so a ServiceEntry wildcard host matches literally', () => {
    // In PromQL source the regex \. is written \\. inside the double-quoted string.
    expect(escapeRegexValue('*.example.com')).toBe('\\\\*\\\\.example\\\\.com');
    expect(labelIn('destination_service', ['a.b', 'c|d'])).toBe('destination_service=~"a\\\\.b|c\\\\|d"');
  });
});
