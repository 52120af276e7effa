/**
 * Runs before every test file: password hashes made in tests use a trivial scrypt cost. Production keeps
 * OWASP's (src/store/accounts/password.ts); src/cli.test.ts proves the real command line still stores it.
 */
import { useTestPasswordCost } from '../../src/store/accounts/password.ts';

useTestPasswordCost();
