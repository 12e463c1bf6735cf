import { describe, expect, it } from 'vitest';
import { parseHarnessArgs } from '../../../src/harness/args';

describe('parseHarnessArgs', () => {
  it.each([
    [[], { port: 0, dataDir: null, testHooks: false, app: false }],
    [['--port', '4711'], { port: 4711, dataDir: null, testHooks: false, app: false }],
    [['--port=0', '--data=/tmp/x'], { port: 0, dataDir: '/tmp/x', testHooks: false, app: false }],
    [['--data', 'rel/dir', '--test-hooks'], { port: 0, dataDir: 'rel/dir', testHooks: true, app: false }],
    [['--port', '65535'], { port: 65535, dataDir: null, testHooks: false, app: false }],
    [['--app', '--port', '0'], { port: 0, dataDir: null, testHooks: false, app: true }],
  ])('%j → %j', (argv, expected) => {
    expect(parseHarnessArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--port'], /--port needs a value/],
    [['--port', '--data', 'x'], /--port needs a value/],
    [['--port', '70000'], /0 to 65535/],
    [['--port', '-1'], /0 to 65535/],
    [['--port', '12.5'], /0 to 65535/],
    [['--port', '0x10'], /0 to 65535/],
    [['--data'], /--data needs a value/],
    [['--data='], /--data needs a value/],
    [['--test-hooks=yes'], /takes no value/],
    [['--verbose'], /Unknown argument "--verbose"/],
    [['4711'], /Unknown argument "4711"/],
    [['--app=1'], /takes no value/],
    [['--app', '--test-hooks'], /no test hooks/],
    [['--data', '/tmp/x', '--app'], /leave out --data/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseHarnessArgs(argv)).toThrow(message);
  });
});
