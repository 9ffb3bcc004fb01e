import { describe, expect, it } from 'vitest';
import { CliError, helpText, npnOption, parseCommand, positiveWhole } from '../../src/cli';

describe('the admin commands’ arguments', () => {
  it('reads create-code’s options, the NPN among them', () => {
    const parsed = parseCommand([
      'create-code',
      'a1',
      '--label',
      'Maria',
      '--npn',
      '17654321',
      '--max-uses',
      '1',
    ]);
    expect(parsed.args).toEqual(['a1']);
    expect(npnOption(parsed.values.npn)).toBe('17654321');
    expect(positiveWhole('max-uses', parsed.values['max-uses'])).toBe(1);
    expect(helpText(parsed.spec)).toMatch(/--npn {2}the agent's NPN/);
  });

  it.each([
    [() => npnOption('12-34'), '--npn must be an NPN of 1 to 10 digits, not "12-34".'],
    [() => npnOption('12345678901'), '--npn must be an NPN of 1 to 10 digits, not "12345678901".'],
    [() => positiveWhole('days', 'abc'), '--days must be a whole number of 1 or more, not "abc".'],
    [() => positiveWhole('days', '0'), '--days must be a whole number of 1 or more, not "0".'],
    [() => positiveWhole('max-uses', '0'), '--max-uses must be a whole number of 1 or more, not "0".'],
    [() => parseCommand(['create-code', 'a1', '--npm', '1']), /^Unknown option --npm\. Usage: .*--npn NPN/],
    [() => parseCommand(['make-coffee']), /^Unknown command make-coffee\. Commands: .*create-code/],
  ])('refuses a bad value in one line naming it (%#)', (run, message) => {
    expect(run).toThrow(CliError);
    expect(run).toThrow(message);
  });
});
