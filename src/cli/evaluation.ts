/**
 * `mieruka evaluation sign <id>`: a stage of the yearly cycle signed from the command line, by a staff account
 * (`--as`, else the operating-system user's name, as psql picks its role). The store checks the role, the version
 * and that the stage is signed once, exactly as for the staff page; each outcome has its own exit code.
 */
import type { EvaluationRecord } from '../domain/editing/records.ts';
import { evaluationStageLabels } from '../domain/evaluation-vocabulary.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import type { DatabaseHandle } from '../store/db.ts';
import type { EditingError } from '../store/editing/contract.ts';
import { createEditingStore } from '../store/editing/index.ts';
import { type CliIo, parseCommandArgs, UsageError } from './command.ts';
import { openMigratedDatabase } from './database.ts';

/** What `mieruka evaluation sign` exits with (75, the database busy, comes from the runner). */
export const signExitCodes = {
  signed: 0,
  /** Not found, no such account, no stage, or the stage already signed. */
  failed: 1,
  usage: 2,
  /** `--version` is not the evaluation's version any more: someone changed it since. */
  conflict: 3,
  /** The account may not sign this stage (an editor a later one, an evaluator a 一次評価, another department). */
  forbidden: 4,
} as const;

export interface SignOptions {
  id: string;
  login: string;
  version: number | null;
  reason: string | null;
}

/** Reads `sign <id> [--as login] [--version N] [--reason text]`; throws UsageError. */
export function parseSignArgs(args: string[], env: NodeJS.ProcessEnv): SignOptions {
  const { values, positionals } = parseCommandArgs(args, {
    as: { type: 'string' },
    version: { type: 'string' },
    reason: { type: 'string' },
  });
  const [sub, id, ...extra] = positionals;
  if (sub !== 'sign') throw new UsageError(`sign を指定してください (expected sign): ${sub ?? '(none)'}`);
  if (id === undefined || extra.length > 0)
    throw new UsageError('評価の ID を1つ指定してください (give one evaluation id)');
  const login = values.as ?? env.USER ?? env.LOGNAME;
  if (!login)
    throw new UsageError('署名するアカウントを --as で指定してください (name the signing account with --as)');
  let version: number | null = null;
  if (values.version !== undefined) {
    version = Number(values.version);
    if (!/^\d+$/.test(values.version) || !Number.isSafeInteger(version))
      throw new UsageError(
        `--version は0以上の整数です (--version must be a whole number): ${values.version}`,
      );
  }
  const reason = values.reason?.trim() || null;
  return { id, login, version, reason };
}

function reportFailure(io: CliIo, id: string, error: EditingError): number {
  if (error.code === 'not_found') {
    io.err(`評価が見つかりません (no such evaluation): ${id}`);
    return signExitCodes.failed;
  }
  if (error.code === 'forbidden') {
    io.err(`署名できません (not allowed): ${error.message}`);
    return signExitCodes.forbidden;
  }
  if (error.code === 'conflict') {
    io.err(
      `評価は変更されています: 指定の版 ${error.submitted.version}、現在の版 ${error.current.version}。内容を確かめて署名し直してください ` +
        `(the evaluation changed: version ${error.submitted.version} given, ${error.current.version} now; check it and sign again)`,
    );
    return signExitCodes.conflict;
  }
  for (const issue of error.issues) io.err(`署名できません (cannot sign): ${issue.message}`);
  return signExitCodes.failed;
}

async function sign(handle: DatabaseHandle, options: SignOptions, io: CliIo): Promise<number> {
  const signer = await createAccountStore(handle.db).findUserByLogin(options.login);
  if (!signer) {
    io.err(
      `アカウントがありません (no such account): ${options.login}。--as で署名者を指定してください (name the signer with --as)`,
    );
    return signExitCodes.failed;
  }
  const editing = createEditingStore(handle.db);
  const stored = await editing.getRecord('evaluation', options.id);
  if (!stored || stored.data === null) return reportFailure(io, options.id, notFound(options.id));
  const signed = await editing.signEvaluation(signer, {
    id: options.id,
    version: options.version ?? stored.version,
    ...(options.reason === null ? {} : { reason: options.reason }),
  });
  if (!signed.ok) return reportFailure(io, options.id, signed.error);
  const evaluation = stored.data as EvaluationRecord;
  const stage = evaluation.stage === null ? undefined : evaluationStageLabels[evaluation.stage];
  const year =
    evaluation.fiscalYear === null ? '' : ` ${evaluation.fiscalYear}年度 (FY${evaluation.fiscalYear})`;
  io.out(
    `署名しました (signed): ${options.id} ${stage?.label ?? ''} (${stage?.labelEn ?? ''})${year}` +
      ` — ${signed.value.signedBy}, ${signed.value.signedAt}, 版 (version) ${signed.value.version}`,
  );
  return signExitCodes.signed;
}

const notFound = (id: string): EditingError => ({ code: 'not_found', entity: 'evaluation', id });

/** Runs `mieruka evaluation …`; a test passes `open` to run it on a database of its own. */
export async function runEvaluation(
  args: string[],
  io: CliIo,
  open: (io: CliIo) => Promise<DatabaseHandle | undefined> = openMigratedDatabase,
): Promise<number> {
  const options = parseSignArgs(args, io.env);
  const handle = await open(io);
  if (!handle) return signExitCodes.failed;
  try {
    return await sign(handle, options, io);
  } finally {
    await handle.close();
  }
}
