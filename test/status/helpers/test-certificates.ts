import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  /** PEM of the test CA that signs every leaf. */
  ca: string;
  /** localhost + 127.0.0.1, valid 90 days. */
  valid: KeyPair;
  /** localhost, valid 5 days: inside the 15-day warning. */
  expiringSoon: KeyPair;
  /** localhost, expired a day ago. */
  expired: KeyPair;
  /** Valid, but for wrong.example only. */
  wrongHost: KeyPair;
  /** Self-signed localhost, not signed by the CA. */
  selfSigned: KeyPair;
}

export interface KeyPair {
  key: string;
  cert: string;
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Generates a CA and leaf certificates with the openssl CLI in a temp dir (removed afterwards). */
export function generateTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'status-certs-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  try {
    run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=k8s-infra-bot test CA');
    const leaf = (name: string, san: string, days: number): KeyPair => {
      writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
      run('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
      run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
        '-days', String(days), '-extfile', `${name}.ext`, '-out', `${name}.pem`);
      return { key: readFileSync(join(dir, `${name}.key`), 'utf8'), cert: readFileSync(join(dir, `${name}.pem`), 'utf8') };
    };
    const valid = leaf('valid', 'DNS:localhost,IP:127.0.0.1', 90);
    const expiringSoon = leaf('soon', 'DNS:localhost,IP:127.0.0.1', 5);
    // openssl accepts negative days: notAfter lands before notBefore, i.e. already expired.
    const expired = leaf('expired', 'DNS:localhost,IP:127.0.0.1', -1);
    const wrongHost = leaf('wrong', 'DNS:wrong.example', 90);
    run('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '30', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1');
    const selfSigned = { key: readFileSync(join(dir, 'self.key'), 'utf8'), cert: readFileSync(join(dir, 'self.pem'), 'utf8') };
    return { ca: readFileSync(join(dir, 'ca.pem'), 'utf8'), valid, expiringSoon, expired, wrongHost, selfSigned };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
