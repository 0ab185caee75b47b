/** The `gridguard` command line (commander): one file per command beside this one. */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { createLog } from '../log.js';
import { formatImportReport, importLeads } from './import-leads.js';
import { writeReport } from './report.js';

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

  const importCmd = program.command('import').description('import data from spreadsheets');
  importCmd
    .command('leads <file>')
    .description('import early-warning leads from an .xlsx or .csv file (Chinese or English headers)')
    .option('--dry-run', 'validate and show what would happen, write nothing', false)
    .option('--skip-invalid', 'import the good rows even when some rows are bad', false)
    .action(async (file: string, opts: { dryRun: boolean; skipInvalid: boolean }) => {
      const config = loadConfig(process.env);
      // Operators read the report on stdout; only warnings and worse go to stderr by default.
      const log = createLog(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
      const report = await importLeads(config, log, file, opts);
      process.stdout.write(formatImportReport(file, report, opts) + '\n');
      exitCode = report.fileProblem || (report.errors.length && !opts.skipInvalid && !opts.dryRun) ? 1 : 0;
    });

  program
    .command('report')
    .description('export shift summaries and the case ledger (台账) to .xlsx, or to two .csv files')
    .requiredOption('--out <file>', 'report.xlsx or report.csv')
    .option('--from <time>', 'start: ISO time or local date YYYY-MM-DD (default: 7 days ago)')
    .option('--to <time>', 'end: ISO time or local date YYYY-MM-DD, inclusive (default: now)')
    .option('--unit <code>', 'one unit and everything below it (default: all)')
    .option('--with-personal-data', 'include subject names, phones and addresses unmasked (audited)', false)
    .action(async (opts: { out: string; from?: string; to?: string; unit?: string; withPersonalData: boolean }) => {
      const config = loadConfig(process.env);
      const tz = config.profile.timezone;
      const to = opts.to ? parseTime(opts.to, tz, true) : Date.now();
      const from = opts.from ? parseTime(opts.from, tz, false) : to - 7 * 86_400_000;
      const problems = [
        Number.isNaN(from) ? '--from: expected an ISO time or a date like 2026-11-23' : null,
        Number.isNaN(to) ? '--to: expected an ISO time or a date like 2026-11-23' : null,
        opts.unit && !config.profile.org.units.some((u) => u.code === opts.unit) ? `--unit: unknown unit "${opts.unit}"` : null,
        /\.(xlsx|csv)$/i.test(opts.out) ? null : '--out: expected a file name ending in .xlsx or .csv',
      ].filter(Boolean);
      if (problems.length) {
        process.stderr.write(problems.join('\n') + '\n');
        exitCode = 2;
        return;
      }
      const r = await writeReport(config, { from, to, unit: opts.unit ?? null, out: opts.out, withPersonalData: opts.withPersonalData });
      process.stdout.write(`已导出：交接班汇总 ${r.summaries} 行，案件台账 ${r.cases} 件，宣传台账 ${r.outreach} 条 → ${r.files.join('、')}\n`);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
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
