import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords, hashed with scrypt (Node's own, RFC 7914): a memory-hard function, so that a stolen
 * database does not give the passwords away cheaply. The stored form carries its parameters —
 * `scrypt$N$r$p$salt$hash` in base64url — so they can be raised later without breaking old hashes.
 * N = 2^15 (32 MB, ≈ 0.1 s a check) suits a district's server; sign-ins are throttled per address.
 */
const cost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // Without a stored hash, the same work is done anyway: the answer's time does not tell whether the account exists.
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    await derive(password, randomBytes(16), cost);
    return false;
  }
  const [, N, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A password to hand to a person once: 16 characters, ≈ 93 bits. Grouped in fours for reading. */
export function generatePassword(): string {
  const chars = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}
