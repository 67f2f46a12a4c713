// The catalogue of bad inputs (tests/bad-inputs/catalogue.json) through the JS API: the
// `assess` that the built site gives scripts (window.doudi.load(), web/api/src/main.rs),
// given each household as an object and as JSON text, and each typed text as it is.
// Every bad input throws { field, zh, en }: the field named in the catalogue, both
// messages containing its fragments, in our words (never serde's), each short. Every
// input the catalogue lists as accepted is assessed. crates/cli/tests/bad_inputs.rs runs
// the same catalogue through `doudi assess` and the caseload reader.
import fs from 'node:fs';
import path from 'node:path';
import { expect, gotoApp, test } from './support/app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = any;
type Expect = { field: string; zh: string[]; en: string[] };
type Answer = { thrown: boolean; field?: string; zh?: string; en?: string; detail?: string };

const CATALOGUE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'bad-inputs', 'catalogue.json'), 'utf8'));

/** What a channel expects of an entry, or null when the catalogue says to skip it. */
function expectation(entry: Entry, channel: 'js' | 'js_text'): Expect | null {
  const own = entry[channel];
  if (typeof own === 'string') {
    expect(own, `${entry.name}: ${channel}`).toMatch(/^skip: .{6,}/);
    return null;
  }
  if (own && typeof own === 'object') return own;
  return { field: entry.field, zh: entry.zh, en: entry.en };
}

/** serde's own words, and its form of a position ("at line 1 column 81"). */
const RAW_SERDE = [
  'invalid type:', 'invalid value:', 'unknown variant `', 'unknown field `', 'missing field `',
  'duplicate field `', 'expected one of', 'expected u', 'expected struct', 'EOF while parsing',
  'trailing characters',
];

function problems(answer: Answer, want: Expect): string[] {
  if (!answer.thrown) return [`accepted (${answer.detail ?? ''})`];
  const found: string[] = [];
  if (answer.field !== want.field) found.push(`field ${JSON.stringify(answer.field)}, expected ${JSON.stringify(want.field)}`);
  for (const fragment of want.zh) if (!answer.zh?.includes(fragment)) found.push(`zh lacks ${JSON.stringify(fragment)}`);
  for (const fragment of want.en) if (!answer.en?.includes(fragment)) found.push(`en lacks ${JSON.stringify(fragment)}`);
  for (const message of [answer.zh ?? '', answer.en ?? '']) {
    for (const raw of RAW_SERDE) if (message.includes(raw)) found.push(`raw serde words ${JSON.stringify(raw)}`);
    if (/ at line \d+ column \d+/.test(message)) found.push('serde position');
    if ([...message].length > 400) found.push(`a message of ${[...message].length} characters`);
    if (message.trim() === '') found.push('an empty message');
  }
  return found;
}

/**
 * Runs the JS API in the page on one input: the household (with its `long` string put in
 * place in the page, never sent over the wire), as an object or as JSON text, or the
 * typed text.
 */
async function run(page: import('@playwright/test').Page, entry: Entry, asText: boolean): Promise<Answer> {
  return page.evaluate(
    async ({ household, text, long, asText }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const api = await (window as any).doudi.load();
      let input: unknown = text;
      if (household !== undefined) {
        const copy = JSON.parse(JSON.stringify(household));
        if (long) {
          let at = copy;
          const steps = long.at as (string | number)[];
          for (const step of steps.slice(0, -1)) at = at[step];
          at[steps[steps.length - 1]] = (long.fill ?? 'x').repeat(long.chars);
        }
        input = asText ? JSON.stringify(copy) : copy;
      }
      try {
        const result = api.assess(input);
        return { thrown: false, detail: `total ${result?.total_monthly}` };
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const thrown = error as any;
        if (thrown && typeof thrown === 'object' && 'field' in thrown) {
          return { thrown: true, field: thrown.field, zh: thrown.zh, en: thrown.en };
        }
        return { thrown: true, field: '(not an InputError)', zh: String(thrown), en: String(thrown) };
      }
    },
    { household: entry.household, text: entry.text, long: entry.long, asText },
  );
}

test('every bad input of the catalogue throws its message at its field through the JS API', async ({ page }) => {
  test.setTimeout(300_000);
  await gotoApp(page);
  const failures: string[] = [];
  let ran = 0;
  for (const entry of CATALOGUE.entries as Entry[]) {
    if (entry.csv !== undefined) continue;
    const channels: ['js' | 'js_text', boolean][] = entry.household !== undefined ? [['js', false], ['js_text', true]] : [['js_text', true]];
    for (const [channel, asText] of channels) {
      const want = expectation(entry, channel);
      if (!want) continue;
      const answer = await run(page, entry, asText);
      ran += 1;
      const found = problems(answer, want);
      if (found.length > 0) failures.push(`${channel}: ${entry.name}\n    ${found.join('; ')}\n    got ${answer.field}: ${answer.zh} / ${answer.en}`);
    }
  }
  expect(ran, 'inputs run through the JS API').toBeGreaterThanOrEqual(100);
  expect(failures, failures.join('\n')).toEqual([]);
});

test('every input at a limit that the catalogue accepts is assessed through the JS API', async ({ page }) => {
  await gotoApp(page);
  const failures: string[] = [];
  for (const entry of CATALOGUE.accepted as Entry[]) {
    const ways = entry.household !== undefined ? [false, true] : [true];
    for (const asText of ways) {
      const answer = await run(page, entry, asText);
      if (answer.thrown) failures.push(`${entry.name} (${asText ? 'text' : 'object'}): ${answer.field}: ${answer.en}`);
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
});
