/** The `gridguard` command line (commander): one file per command beside this one. */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { createLog } from '../log.js';
import { formatImportReport, importLeads } from './import-leads.js';

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
