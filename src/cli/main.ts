/** The `gridguard` command line (commander): one file per command beside this one. */
import { formatRosterReport, importRosterFile } from './import-roster.js';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { createLog } from '../log.js';
import { formatImportReport, importLeads } from './import-leads.js';
import { writeReport } from './report.js';
import { runBackup } from './backup.js';
import { boardLink } from './board-link.js';
import { runShiftClose } from './shift-close.js';
import { BackupError } from '../ops/backup.js';

/** A mistake in what the operator typed: one line on stderr, exit 2. */
class UsageError extends Error {}

/** `Example:` lines under a command's --help. */
const examples = (...lines: string[]) => `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** Null when `file` can be created or replaced, else why not. */
function unwritable(file: string): string | null {
  const dir = dirname(resolve(file));
  if (!existsSync(dir)) return `the folder ${dir} does not exist`;
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(file)) {
      if (statSync(file).isDirectory()) return `${file} is a folder`;
      accessSync(file, constants.W_OK);
    }
  } catch {
    return `${existsSync(file) ? file : `the folder ${dir}`} is not writable`;
  }
  return null;
}

/** A real calendar date: 2026-13-01 or 2026-02-30 are not (Date.UTC would roll them over). */
function impossibleDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d;
}

/** A CLI time: an ISO time, or a local date (start of day for --from, end of day for --to). */
function parseTime(text: string, tz: string, endOfDay: boolean): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return Date.parse(text);
  // Midnight in the profile's zone: find the offset at noon of that day (no DST in China).
  const noonUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  const local = new Date(new Date(noonUtc).toLocaleString('en-US', { timeZone: tz })).getTime();
  const offset = local - new Date(new Date(noonUtc).toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  const midnight = noonUtc - 12 * 3_600_000 - offset;
  return endOfDay ? midnight + 86_400_000 - 1 : midnight;
}

async function main(argv: string[]): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const program = new Command('gridguard').description('GridGuard 网格哨兵: operator commands').exitOverride();
  let exitCode = 0;

  const importCmd = program
    .command('import')
    .description('import data from spreadsheets')
    .addHelpText('after', examples('npx gridguard import leads docs/samples/leads-sample.xlsx'));
  importCmd
    .command('leads <file>')
    .description('import early-warning leads from an .xlsx or .csv file (Chinese or English headers)')
    .option('--dry-run', 'validate and show what would happen, write nothing', false)
    .option('--skip-invalid', 'import the good rows even when some rows are bad', false)
    .addHelpText('after', examples('npx gridguard import leads docs/samples/leads-sample.xlsx --dry-run', 'npx gridguard import leads leads.csv --skip-invalid'))
    .action(async (file: string, opts: { dryRun: boolean; skipInvalid: boolean }) => {
      const config = loadConfig(process.env);
      // Operators read the report on stdout; only warnings and worse go to stderr by default.
      const log = createLog(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
      const report = await importLeads(config, log, file, opts);
      process.stdout.write(formatImportReport(file, report, opts) + '\n');
      exitCode = report.fileProblem || (report.errors.length && !opts.skipInvalid && !opts.dryRun) ? 1 : 0;
    });
  importCmd
    .command('roster <file>')
    .description('import a duty table (值班表) from an .xlsx or .csv file with the headers 日期, 时段, 单位, 姓名 (optional 类型: 值班/请假, 备注)')
    .option('--dry-run', 'validate and show what would happen, write nothing', false)
    .option('--skip-invalid', 'import the good rows even when some rows are bad', false)
    .addHelpText('after', examples('npx gridguard import roster docs/samples/roster-sample.csv --dry-run', 'npx gridguard import roster roster.xlsx --skip-invalid'))
    .action(async (file: string, opts: { dryRun: boolean; skipInvalid: boolean }) => {
      const config = loadConfig(process.env);
      const log = createLog(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
      const report = await importRosterFile(config, log, file, opts);
      process.stdout.write(formatRosterReport(file, report, opts) + '\n');
      exitCode = report.fileProblem || (report.errors.length && !opts.skipInvalid && !opts.dryRun) ? 1 : 0;
    });

  program
    .command('report')
    .description('export shift summaries, the case ledger (台账) and the outreach ledger (宣传台账) to .xlsx, or to three .csv files')
    .requiredOption('--out <file>', 'report.xlsx or report.csv')
    .option('--from <time>', 'start: ISO time or local date YYYY-MM-DD (default: 7 days ago)')
    .option('--to <time>', 'end: ISO time or local date YYYY-MM-DD, inclusive (default: now)')
    .option('--unit <code>', 'one unit and everything below it (default: all)')
    .option('--with-personal-data', 'include subject names, phones and addresses unmasked (audited)', false)
    .option('--charts', 'also write the charts as PNG files beside it (report-预警趋势.png, report-处置用时.png, …)', false)
    .addHelpText('after', examples('npx gridguard report --from 2026-11-01 --to 2026-11-30 --unit PS1 --out report.xlsx', 'npx gridguard report --unit C1 --out report.xlsx --charts'))
    .action(async (opts: { out: string; from?: string; to?: string; unit?: string; withPersonalData: boolean; charts: boolean }) => {
      const config = loadConfig(process.env);
      const tz = config.profile.timezone;
      const to = opts.to ? parseTime(opts.to, tz, true) : Date.now();
      const from = opts.from ? parseTime(opts.from, tz, false) : to - 7 * 86_400_000;
      const problems = [
        Number.isNaN(from) || (opts.from && impossibleDate(opts.from)) ? `--from: ${opts.from} is not a date; expected an ISO time or a date like 2026-11-23` : null,
        Number.isNaN(to) || (opts.to && impossibleDate(opts.to)) ? `--to: ${opts.to} is not a date; expected an ISO time or a date like 2026-11-23` : null,
        !Number.isNaN(from) && !Number.isNaN(to) && !impossibleDate(opts.from ?? '') && !impossibleDate(opts.to ?? '') && from > to ? '--from: is after --to' : null,
        opts.unit && !config.profile.org.units.some((u) => u.code === opts.unit) ? `--unit: unknown unit "${opts.unit}"` : null,
        /\.(xlsx|csv)$/i.test(opts.out) ? null : '--out: expected a file name ending in .xlsx or .csv',
      ].filter(Boolean);
      const blocked = unwritable(opts.out);
      if (!problems.length && blocked) problems.push(`--out: cannot write ${opts.out}: ${blocked}`);
      if (problems.length) {
        process.stderr.write(problems.join('\n') + '\n');
        exitCode = 2;
        return;
      }
      const r = await writeReport(config, { from, to, unit: opts.unit ?? null, out: opts.out, withPersonalData: opts.withPersonalData, charts: opts.charts });
      process.stdout.write(`已导出：交接班汇总 ${r.summaries} 行，案件台账 ${r.cases} 件，宣传台账 ${r.outreach} 条 → ${r.files.join('、')}\n`);
    });

  program
    .command('backup <file>')
    .description('write a consistent copy of the live database (safe while the service runs)')
    .addHelpText('after', examples('npx gridguard backup /var/backups/gridguard-$(date +%F).db') + '\nRestore: stop the service, copy the file over DATABASE_PATH, start it.\n')
    .action(async (file: string) => {
      const config = loadConfig(process.env);
      process.stdout.write((await runBackup(config, file)) + '\n');
    });

  program
    .command('board-link <unit>')
    .description('print a signed link to the live case board of a unit and the units below it, valid for some days (no token needed to open it)')
    .option('--days <n>', 'days the link stays valid', '7')
    .option('--base <url>', 'the address supervisors reach the service at (default: http://HTTP_HOST:HTTP_PORT)')
    .option('--wall', 'open as a wall screen: dark, full screen, cycling the units', false)
    .addHelpText(
      'after',
      examples('npx gridguard board-link C1', 'npx gridguard board-link PS1 --days 30 --wall --base https://gridguard.example.org') +
        '\nSigned with BOARD_LINK_SECRET (else INTAKE_TOKEN): the running service must have the same. Changing it revokes every link.\n',
    )
    .action((unit: string, opts: { days: string; base?: string; wall: boolean }) => {
      const r = boardLink(loadConfig(process.env), unit, { days: Number(opts.days), base: opts.base, wall: opts.wall });
      if (!r.ok) throw new UsageError(r.problem);
      process.stdout.write(r.text + '\n');
    });

  const shift = program
    .command('shift')
    .description('shift (交接班) commands')
    .addHelpText('after', examples('npx gridguard shift close'));
  shift
    .command('close')
    .description('compile the current shift now and post the 交接班 reports (training; the service sends them)')
    .addHelpText('after', examples('GRIDGUARD_PROFILE=bots/training.yaml npx gridguard shift close'))
    .action(() => {
      const config = loadConfig(process.env);
      const log = createLog(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
      process.stdout.write(runShiftClose(config, log) + '\n');
    });

  program
    .command('start')
    .description('run the service: core and every bot account (all, what npm start runs), core alone, or one account\'s gateway')
    .option('--role <role>', 'all | core | gateway', 'all')
    .option('--bot <id>', 'the account a gateway runs (an id of the profile\'s bots:)')
    .addHelpText(
      'after',
      examples('npx gridguard start', 'npx gridguard start --role core', 'REDIS_URL=redis://core-host:6379 npx gridguard start --role gateway --bot east') +
        '\nA gateway needs only Redis (REDIS_URL, QUEUE_PREFIX) and the profile; core keeps SQLite and HTTP.\n',
    )
    .action(async (opts: { role: string; bot?: string }) => {
      if (!['all', 'core', 'gateway'].includes(opts.role)) throw new UsageError(`--role: expected all, core or gateway, not "${opts.role}"`);
      if (opts.bot && opts.role !== 'gateway') throw new UsageError('--bot: only a gateway runs one account (--role gateway)');
      const config = loadConfig({ ...process.env, GRIDGUARD_ROLE: opts.role, ...(opts.bot ? { GRIDGUARD_BOT: opts.bot } : {}) });
      // Imported here: the other commands stay quick to start without the whole service.
      const { runService } = await import('../run-service.js');
      await runService(config);
      // The service runs until a signal; run-service exits the process.
      await new Promise(() => {});
    });

  program.addHelpText('after', examples('npx gridguard report --from 2026-11-01 --to 2026-11-30 --out report.xlsx', 'npx gridguard backup backup.db', 'npx gridguard <command> --help'));

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof BackupError || err instanceof UsageError) {
      process.stderr.write(`gridguard: ${err.message}\n`);
      return err instanceof UsageError ? 2 : 1;
    }
    const code = (err as NodeJS.ErrnoException | null)?.code;
    if (code === 'EACCES' || code === 'ENOENT' || code === 'EISDIR' || code === 'EROFS' || code === 'ENOSPC') {
      process.stderr.write(`gridguard: ${(err as Error).message}\n`);
      return 1;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`gridguard: ${err.message}\n`);
      return 2;
    }
    if (err && typeof err === 'object' && 'exitCode' in err) return Number((err as { exitCode: number }).exitCode);
    throw err;
  }
  return exitCode;
}

main(process.argv).then((code) => process.exit(code));
