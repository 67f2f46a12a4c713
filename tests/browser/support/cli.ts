// The `doudi` CLI of this checkout, for the tests that compare the page with it: built
// (or found up to date) once per worker, so that it always runs the rules the site was
// built from; DOUDI_CLI names another binary instead.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
let built = process.env.DOUDI_CLI ?? '';

/** The path of the CLI; the first call of a worker builds it (call it in beforeAll, with
 * a long timeout). */
export function doudiCli(): string {
  if (!built) {
    execFileSync('cargo', ['build', '-q', '-p', 'doudi-cli'], { cwd: ROOT, stdio: 'inherit' });
    built = path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'debug', 'doudi');
  }
  return built;
}
