// Passwords: argon2id (the library's default algorithm, named here so a change of default cannot
// weaken it), and the one-time passwords the hub hands out for a new account or a reset.
import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// The library's const enum cannot be imported as a value here (verbatimModuleSyntax): its number, typed.
const ARGON2ID: Algorithm.Argon2id = 2;
export const hashPassword = (password: string) => hash(password, { algorithm: ARGON2ID });

export async function checkPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Compared against when the email is unknown, so an unknown email takes as long as a wrong password
 * and the answer's timing does not say which accounts exist.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = () => {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
};

/** 20 characters from 120 random bits: typed once, then changed at the first sign-in. */
export const oneTimePassword = () => randomBytes(15).toString('base64url');
