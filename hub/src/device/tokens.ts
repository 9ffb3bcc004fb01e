// Device tokens and enrolment codes: random, shown once, stored only as their SHA-256.
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what a device sends as its bearer token. */
export const newToken = () => randomBytes(32).toString('base64url');

/** 15 random bytes (20 characters): long enough that guessing is hopeless, short enough for a policy file. */
export const newEnrollmentCode = () => randomBytes(15).toString('base64url');

// A random secret of this length needs no slow hash: nothing smaller than the secret itself can be tried.
export const secretHash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();
