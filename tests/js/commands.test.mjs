// Commands (web/js/commands.js): translation of API commands into the wasm's, the size and
// depth checks before anything reaches the wasm, and the postMessage envelope. node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translate, DIRECT, commandTooBig, encodeCommand, messageIdOk, ID_ERROR, versionError, messageArgs } from '../../web/js/commands.js';
import { LIMITS, API_VERSION } from '../../web/js/limits.js';

const TOO_LARGE = /^command too large: /;
const TOO_DEEP = 'command nested too deep (the limit is 32 levels)';

test('limits match src/core/commands.h and API.md', () => {
  assert.equal(LIMITS.commandBytes, 65536);
  assert.equal(LIMITS.commandDepth, 32);
  assert.equal(LIMITS.messageIdChars, 256);
  assert.equal(LIMITS.commandNameChars, 64);
  assert.equal(LIMITS.hashChars, 8192);
  assert.equal(API_VERSION, 1);
  assert.ok(Object.isFrozen(LIMITS));
});

test('translate: the setX sugar becomes setState with only its own fields', () => {
  assert.deepEqual(translate('setTheme', { theme: 'dark', lang: 'en' }), { cmd: 'setState', state: { theme: 'dark' } });
  assert.deepEqual(translate('setTheme', {}), { cmd: 'setState', state: {} });
  assert.deepEqual(translate('setLanguage', { lang: 'native', theme: 'dark' }), { cmd: 'setState', state: { lang: 'native' } });
  assert.deepEqual(translate('setLocale', { locale: 'ko', lang: 'en' }), { cmd: 'setState', state: { locale: 'ko' } });
  assert.deepEqual(translate('setTime', { t: '2023-08-30', mode: 'window' }), { cmd: 'setState', state: { t: '2023-08-30' } });
  assert.deepEqual(translate('setMode', { mode: 'window', window: 12, t: 'x' }), { cmd: 'setState', state: { mode: 'window', window: 12 } });
  assert.deepEqual(translate('setMode', { mode: 'cumulative' }), { cmd: 'setState', state: { mode: 'cumulative' } });
  assert.deepEqual(translate('setFilters', { hiddenKinds: ['forum'], hiddenRegions: [], hiddenOrgKinds: ['company'], theme: 'x' }),
    { cmd: 'setState', state: { hiddenKinds: ['forum'], hiddenRegions: [], hiddenOrgKinds: ['company'] } });
  assert.deepEqual(translate('setFilters', { hiddenKinds: undefined }), { cmd: 'setState', state: {} });
});

test('translate: select takes `item` (postMessage) or `id` (in-page), item first; none clears', () => {
  assert.deepEqual(translate('select', { item: 'astri' }), { cmd: 'select', id: 'astri' });
  assert.deepEqual(translate('select', { id: 'itri' }), { cmd: 'select', id: 'itri' });
  assert.deepEqual(translate('select', { item: 'astri', id: 'itri' }), { cmd: 'select', id: 'astri' });
  assert.deepEqual(translate('select', { item: '' , id: 'itri' }), { cmd: 'select', id: '' });
  assert.deepEqual(translate('select', {}), { cmd: 'select', id: '' });
  assert.deepEqual(translate('select'), { cmd: 'select', id: '' });
});

test('translate: direct commands keep their arguments; cmd cannot be overridden by one', () => {
  assert.deepEqual(translate('flyTo', { region: 'korea' }), { region: 'korea', cmd: 'flyTo' });
  assert.deepEqual(translate('search', { text: '台積電', cmd: 'exportPng' }), { text: '台積電', cmd: 'search' });
  assert.deepEqual(translate('getState', 'not an object'), { cmd: 'getState' });
  assert.deepEqual(translate('play', null), { cmd: 'play' });
  for (const cmd of DIRECT) assert.equal(translate(cmd, {}).cmd, cmd);
  assert.ok(!DIRECT.includes('exportPng'), 'exportPng is the page\'s own (the PNG button), not the API\'s');
});

test('translate: unknown, empty and overlong commands are errors', () => {
  assert.throws(() => translate('selfDestruct'), { message: 'unknown command "selfDestruct"' });
  for (const cmd of ['exportPng', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'SETTHEME']) {
    assert.throws(() => translate(cmd, {}), { message: `unknown command "${cmd}"` });
  }
  for (const cmd of ['', undefined, null, 7, {}, ['getState']]) {
    assert.throws(() => translate(cmd), { name: 'TypeError', message: 'cmd must be a non-empty string' });
  }
  const at = 'x'.repeat(64);
  assert.throws(() => translate(at), { message: `unknown command "${at}"` });
  assert.throws(() => translate(at + 'yyyy'), { message: `unknown command "${at}…"` }, 'cut to 64 characters');
  assert.throws(() => translate('y'.repeat(1e6)), (e) => e.message.length === 'unknown command "…"'.length + 64);
});

test('commandTooBig: small commands pass', () => {
  assert.equal(commandTooBig({ cmd: 'getState' }), null);
  assert.equal(commandTooBig({ cmd: 'setState', state: { camera: { lat: 30, lon: 125, zoom: 1 }, hiddenKinds: ['forum', 'mou'] } }), null);
  assert.equal(commandTooBig(null), null);
  assert.equal(commandTooBig('x'), null);
});

test('commandTooBig: a 3 MB string is refused before serialising', () => {
  const cmd = { cmd: 'search', text: 'a'.repeat(3e6) };
  assert.equal(commandTooBig(cmd), 'command too large: over 65536 bytes');
  assert.deepEqual(encodeCommand(cmd), { error: 'command too large: over 65536 bytes' });
  // Many small parts add up too: 40,000 one-character strings (over 160 KB as JSON).
  assert.match(commandTooBig({ cmd: 'setFilters', hiddenKinds: Array(40000).fill('a') }), TOO_LARGE);
  assert.match(commandTooBig(Array(1e7)), TOO_LARGE, 'a sparse array counts its commas at once');
});

test('commandTooBig: a 10,000-deep object (built without recursion) is refused, without recursion', () => {
  let deep = { cmd: 'getState' };
  for (let i = 0; i < 10000; i++) deep = { a: deep };
  assert.equal(commandTooBig(deep), TOO_DEEP);
  let arr = [];
  for (let i = 0; i < 10000; i++) arr = [arr];
  assert.equal(commandTooBig({ cmd: 'setFilters', hiddenKinds: arr }), TOO_DEEP);
  assert.deepEqual(encodeCommand(deep), { error: TOO_DEEP });
});

test('commandTooBig: cyclic objects and arrays are refused (JSON.stringify would throw)', () => {
  const o = { cmd: 'setState' };
  o.state = o;
  assert.equal(commandTooBig(o), TOO_DEEP);
  const a = ['x'];
  a.push(a, a);
  assert.equal(commandTooBig({ cmd: 'search', text: a }), TOO_DEEP);
});

test('depth: exactly 32 levels pass, 33 do not', () => {
  // The command object is level 1; hiddenKinds holds levels 2..n (arrays around a number).
  const nest = (levels) => { let v = 1; for (let i = 1; i < levels; i++) v = [v]; return { cmd: 'setFilters', hiddenKinds: v }; };
  assert.equal(JSON.stringify(nest(32)).split('[').length - 1, 31);
  assert.equal(commandTooBig(nest(32)), null);
  assert.equal(commandTooBig(nest(33)), TOO_DEEP);
  let o = { cmd: 'getState' };
  for (let i = 1; i < 32; i++) o = { a: o };
  assert.equal(commandTooBig(o), null, '32 levels of objects');
  assert.equal(commandTooBig({ a: o }), TOO_DEEP, '33 levels');
});

test('size: a command whose JSON is exactly 65,536 bytes passes, one byte more does not', () => {
  const prefix = JSON.stringify({ cmd: 'search', text: '' }).length;  // {"cmd":"search","text":""}
  const at = { cmd: 'search', text: 'a'.repeat(LIMITS.commandBytes - prefix) };
  assert.equal(JSON.stringify(at).length, 65536);
  assert.equal(commandTooBig(at), null);
  const enc = encodeCommand(at);
  assert.equal(enc.error, undefined);
  assert.equal(enc.bytes.length, 65536);
  assert.deepEqual(JSON.parse(new TextDecoder().decode(enc.bytes)), at);
  const over = { cmd: 'search', text: at.text + 'a' };
  assert.deepEqual(encodeCommand(over), { error: 'command too large: over 65536 bytes' });
  // Objects, arrays, numbers and booleans at the limit too (the pre-check never over-counts).
  const mixed = { cmd: 'setState', state: { camera: { lat: 1, lon: 2, zoom: 3 }, hiddenKinds: ['a', 'b'], playing: false, sel: null } };
  const fill = LIMITS.commandBytes - JSON.stringify({ ...mixed, pad: '' }).length;
  assert.equal(encodeCommand({ ...mixed, pad: 'p'.repeat(fill) }).bytes.length, 65536);
  assert.match(encodeCommand({ ...mixed, pad: 'p'.repeat(fill + 1) }).error, TOO_LARGE);
});

test('size: counted in UTF-8 bytes after serialising', () => {
  // 30,000 CJK characters: 30,002 UTF-16 units as a string, 90,000+ bytes of UTF-8.
  const cjk = { cmd: 'search', text: '漢'.repeat(30000) };
  assert.equal(commandTooBig(cjk), null, 'the pre-check counts UTF-16 units');
  assert.match(encodeCommand(cjk).error, /^command too large: 900\d\d bytes \(the limit is 65536\)$/);
  // Escapes make the JSON longer than the string.
  assert.match(encodeCommand({ cmd: 'search', text: '\n'.repeat(40000) }).error, /^command too large: over 65536 bytes$/);
  assert.equal(encodeCommand({ cmd: 'search', text: 'é' }).bytes.length, JSON.stringify({ cmd: 'search', text: 'é' }).length + 1);
});

test('encodeCommand: values JSON cannot write throw (the caller reports them)', () => {
  assert.throws(() => encodeCommand({ cmd: 'search', text: 1n }), TypeError);
  assert.deepEqual(encodeCommand(undefined), { error: 'command too large: over 65536 bytes' }, 'nothing to send');
});

test('message id: none, a finite number or a string of at most 256 characters', () => {
  for (const id of [undefined, null, 0, -1, 7.5, 2 ** 53, '', 'req-1', 'x'.repeat(256)]) assert.equal(messageIdOk(id), true, String(id).slice(0, 20));
  for (const id of [NaN, Infinity, -Infinity, 'x'.repeat(257), {}, [], true, 1n, Symbol('s'), () => 1]) {
    assert.equal(messageIdOk(id), false, typeof id);
  }
  assert.equal(ID_ERROR, 'id must be a number or a string of at most 256 characters');
});

test('versionError: only version 1, with the sender\'s version shown briefly', () => {
  assert.equal(versionError(1), null);
  assert.equal(versionError(2), 'unsupported API version 2 (this page speaks 1)');
  assert.equal(versionError('1'), 'unsupported API version 1 (this page speaks 1)', 'the string "1" is another version');
  assert.equal(versionError('v'.repeat(100)), `unsupported API version ${'v'.repeat(20)} (this page speaks 1)`);
  assert.equal(versionError({}), 'unsupported API version object (this page speaks 1)');
  assert.equal(versionError(true), 'unsupported API version boolean (this page speaks 1)');
});

test('messageArgs: the message\'s own fields less the envelope, or its args object', () => {
  assert.deepEqual(messageArgs({ chipatlas: 1, type: 'command', id: 7, cmd: 'setTime', t: '2023-08-30' }), { t: '2023-08-30' });
  assert.deepEqual(messageArgs({ chipatlas: 1, type: 'command', id: 8, cmd: 'select', args: { item: 'astri', id: 'x' }, extra: 1 }),
    { item: 'astri', id: 'x' });
  assert.deepEqual(messageArgs({ chipatlas: 1, type: 'command', cmd: 'flyTo', args: ['korea'], region: 'korea' }), { region: 'korea' },
    'an args array is not an args object');
  assert.deepEqual(messageArgs({ chipatlas: 1, type: 'command', cmd: 'play', args: null }), {});
  // Through translate, as the page does: the message id never becomes the selected item.
  assert.deepEqual(translate('select', messageArgs({ chipatlas: 1, type: 'command', id: 9, cmd: 'select', item: 'astri' })),
    { cmd: 'select', id: 'astri' });
  assert.deepEqual(translate('select', messageArgs({ chipatlas: 1, type: 'command', id: 9, cmd: 'select' })), { cmd: 'select', id: '' });
});

test('messageArgs and translate ignore a "__proto__" key (as structured clone delivers it, an own property)', () => {
  const m = JSON.parse('{"chipatlas":1,"type":"command","id":1,"cmd":"search","text":"a","__proto__":{"polluted":true}}');
  assert.ok(Object.prototype.hasOwnProperty.call(m, '__proto__'), 'the fixture has an own __proto__ key');
  const args = messageArgs(m);
  assert.equal(Object.getPrototypeOf(args), Object.prototype, 'the copy keeps its prototype');
  assert.equal(args.polluted, undefined);
  assert.deepEqual(Object.keys(args), ['text']);
  const msg = translate('search', m);
  assert.equal(Object.getPrototypeOf(msg), Object.prototype);
  assert.equal(msg.polluted, undefined);
  assert.equal(JSON.stringify(msg).includes('polluted'), false);
});
