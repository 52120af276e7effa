/** What the staff sub-apps find in their context, on top of the public WebVariables. */
import type { TableImportOptions, TableImportOutcome } from '../../io/table-import/index.ts';
import type { MappingChoices, MappingResult } from '../../io/table-import/published-mappings.ts';
import type { TemplateKind } from '../../io/tables/index.ts';
import type { ColumnMapping } from '../../io/tables/published-mapping.ts';
import type { AccountStore, EditingStore, User } from '../../store/editing/contract.ts';
import type { PendingImports } from '../admin/pending-imports.ts';
import type { WebVariables } from '../web-env.ts';

/** Staff tables (CSV, XLSX) into the store, as `mieruka import` does, and the blank templates to fill in. */
export interface TableImportService {
  importTable(bytes: Uint8Array, options: TableImportOptions): Promise<TableImportOutcome>;
  /** The XLSX template; the 事務事業評価 one headed by the organization's own 観点 labels when given. */
  template(kind: TemplateKind, viewpointLabels?: readonly string[]): Promise<Buffer>;
  /** A published-shape table's column mapping: a saved one with staff's choices over it. */
  resolveMapping(choices: MappingChoices): Promise<MappingResult>;
  saveMapping(name: string, mapping: ColumnMapping, actor: string): Promise<void>;
  listMappings(): Promise<string[]>;
  /** Uploads waiting between preview and confirmation, in the database so any node may confirm them. */
  pending: PendingImports;
}

export interface StaffServices {
  editing: EditingStore;
  accounts: AccountStore;
  tables: TableImportService;
  /** Trust `X-Forwarded-Proto` from a reverse proxy when deciding whether the session cookie is Secure. */
  trustProxy: boolean;
  /**
   * How many reverse proxies stand in front of the server, each appending to `X-Forwarded-For`: the client's
   * address is the first hop from the right that none of them wrote. 0 ignores the header.
   */
  trustedProxies: number;
}

export interface StaffVariables extends WebVariables, StaffServices {
  /** The signed-in user, from the session cookie or a bearer token. */
  user: User | undefined;
  /** Why a bearer token was refused (expired, revoked…), for the 401's message. */
  authRefusal: string | undefined;
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
