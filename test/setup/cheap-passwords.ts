/**
 * Runs before every test file: password hashes made in tests use a trivial scrypt cost. Production keeps
 * OWASP's (src/store/accounts/password.ts); src/cli/user-verify.test.ts proves the real command still stores it.
 */
import { useTestPasswordCost } from '../../src/store/accounts/password.ts';

useTestPasswordCost();
