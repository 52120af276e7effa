/** What the staff sub-apps find in their context, on top of the public WebVariables. */
import type { AccountStore, EditingStore, User } from '../../store/editing/contract.ts';
import type { WebVariables } from '../web-env.ts';

export interface StaffServices {
  editing: EditingStore;
  accounts: AccountStore;
  /** Trust `X-Forwarded-Proto` from a reverse proxy when deciding whether the session cookie is Secure. */
  trustProxy: boolean;
}

export interface StaffVariables extends WebVariables, StaffServices {
  /** The signed-in user, from the session cookie or a bearer token. */
  user: User | undefined;
  /** The raw session token of this request, when it carried a valid one (binds the CSRF token). */
  sessionToken: string | undefined;
  /**
   * Set on every response a shared cache must not keep (staff pages, requests with a session cookie).
   * The page cache reads this flag and skips the response.
   */
  noCache: boolean;
}

export interface StaffEnv {
  Variables: StaffVariables;
}
