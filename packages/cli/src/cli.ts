import { parseArgs, type ParseArgsConfig } from 'node:util';
import { VERSION } from '@thidua/scoring';
import {
  bundleCommand,
  rulesCheckCommand,
  rulesInitCommand,
  rulesListCommand,
  rulesUpgradeCommand,
  scoreCommand,
  templateCommand,
  validateCommand,
  verifyCommand,
} from './commands.js';
import { commandNames, helpText } from './help.js';
import { both, UsageError, UserError, type Lang } from './output.js';

/**
 * thidua — the command line. Exit codes: 0 ok, 1 problems in the input (or a verification
 * mismatch), 2 wrong usage. User errors print a message, never a stack trace (THIDUA_DEBUG=1 shows
 * the stack of an unexpected error).
 */

type Options = NonNullable<ParseArgsConfig['options']>;

const common: Options = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  rules: { type: 'string' },
  campaign: { type: 'string' },
};
const progressOptions: Options = { progress: { type: 'boolean' }, 'no-progress': { type: 'boolean' } };

const optionsOf: Record<string, Options> = {
  score: {
    ...common,
    ...progressOptions,
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    list: { type: 'string' },
    'as-of': { type: 'string' },
    status: { type: 'string' },
    explain: { type: 'string' },
  },
  validate: { ...common, ...progressOptions, format: { type: 'string' } },
  template: { ...common, format: { type: 'string' }, out: { type: 'string', short: 'o' } },
  'rules init': { help: common.help as Options[string], lang: common.lang as Options[string], from: { type: 'string' }, out: { type: 'string', short: 'o' } },
  'rules check': { help: common.help as Options[string], lang: common.lang as Options[string] },
  'rules upgrade': { help: common.help as Options[string], lang: common.lang as Options[string], out: { type: 'string', short: 'o' } },
  'rules list': { help: common.help as Options[string], lang: common.lang as Options[string], out: { type: 'string', short: 'o' } },
  bundle: { ...common, ...progressOptions, out: { type: 'string', short: 'o' } },
  verify: { ...common, stats: { type: 'string' } },
};

export type Values = Record<string, string | boolean | undefined>;

/** The --lang value found anywhere on the line, so that even a usage error speaks it. */
function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'vi';
}

function checkLang(values: Values): Lang {
  const lang = values.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') {
    throw new UsageError({ vi: `--lang phải là vi hoặc en (nhận được "${String(lang)}")`, en: `--lang must be vi or en (got "${String(lang)}")` });
  }
  return lang;
}

async function run(argv: string[]): Promise<number> {
  const lang = langOf(argv);
  const [first, second] = argv;
  if (first === undefined) {
    process.stderr.write(helpText(undefined, lang));
    return 2;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    process.stdout.write(helpText(second && commandNames.includes(second) ? second : undefined, lang));
    return 0;
  }
  if (first === '-v' || first === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  let command = first;
  let rest = argv.slice(1);
  if (first === 'rules') {
    if (second === undefined || second === '-h' || second === '--help') {
      process.stdout.write(helpText('rules', lang));
      return second === undefined ? 2 : 0;
    }
    if (!['init', 'check', 'upgrade', 'list'].includes(second)) {
      throw new UsageError({ vi: `"rules" có init, check, upgrade, list (nhận được "${second}")`, en: `"rules" has init, check, upgrade, list (got "${second}")` }, 'rules');
    }
    command = `rules ${second}`;
    rest = argv.slice(2);
  }
  const options = optionsOf[command];
  if (!options) {
    throw new UsageError({ vi: `Không có lệnh "${first}"`, en: `Unknown command "${first}"` });
  }
  const helpName = command.split(' ')[0] as string;
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
  } catch (err) {
    const unknown = /Unknown option '([^']+)'/.exec((err as Error).message);
    const detail = unknown ? unknown[1] : ((err as Error).message.split('. ')[0] ?? '');
    throw new UsageError(
      unknown ? { vi: `Không có tùy chọn ${detail}`, en: `Unknown option ${detail}` } : { vi: `Tùy chọn không hợp lệ: ${detail}`, en: `Invalid option: ${detail}` },
      helpName,
    );
  }
  if (parsed.values.help) {
    process.stdout.write(helpText(helpName, lang));
    return 0;
  }
  const values = { ...parsed.values, lang: checkLang(parsed.values) };
  const positional = (name: { vi: string; en: string }, max = 1): string => {
    const [value] = parsed.positionals;
    if (value === undefined) throw new UsageError({ vi: `Thiếu ${name.vi}`, en: `Missing ${name.en}` }, helpName);
    if (parsed.positionals.length > max) {
      throw new UsageError(
        { vi: `Thừa tham số: ${parsed.positionals.slice(max).join(' ')}`, en: `Unexpected argument(s): ${parsed.positionals.slice(max).join(' ')}` },
        helpName,
      );
    }
    return value;
  };
  const none = () => {
    if (parsed.positionals.length > 0) {
      throw new UsageError({ vi: `Thừa tham số: ${parsed.positionals.join(' ')}`, en: `Unexpected argument(s): ${parsed.positionals.join(' ')}` }, helpName);
    }
  };
  const statsArg = { vi: 'tệp số liệu (CSV, XLSX hoặc JSON)', en: 'the statistics file (CSV, XLSX or JSON)' };

  switch (command) {
    case 'score':
      return scoreCommand(positional(statsArg), values);
    case 'validate':
      return validateCommand(positional(statsArg), values);
    case 'template':
      none();
      return templateCommand(values);
    case 'rules init':
      none();
      return rulesInitCommand(values);
    case 'rules check':
      return rulesCheckCommand(positional({ vi: 'tệp quy tắc (rules.json)', en: 'the rules file (rules.json)' }), values);
    case 'rules upgrade':
      return rulesUpgradeCommand(positional({ vi: 'tệp quy tắc phiên bản 1 (rules.json hoặc tệp chiến dịch)', en: 'the version 1 rules file (rules.json or a campaign file)' }), values);
    case 'rules list':
      none();
      return rulesListCommand(values);
    case 'bundle':
      return bundleCommand(positional(statsArg), values);
    case 'verify':
      return verifyCommand(positional({ vi: 'tệp hồ sơ kết quả (award.json)', en: 'the award bundle (award.json)' }), values);
    default:
      throw new UsageError({ vi: `Không có lệnh "${first}"`, en: `Unknown command "${first}"` });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const lang = langOf(argv);
  try {
    process.exitCode = await run(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      const named = argv[0] !== undefined && commandNames.includes(argv[0]) ? argv[0] : undefined;
      const command = err.command ?? named;
      const hint = command ? `thidua ${command} --help` : 'thidua --help';
      process.stderr.write(`thidua: ${both(err.text, lang)}\n  (${hint})\n`);
      process.exitCode = 2;
    } else if (err instanceof UserError) {
      process.stderr.write(`thidua: ${both(err.text, lang)}\n`);
      if (err.lines.length > 0) process.stderr.write(`${err.lines.join('\n')}\n`);
      process.exitCode = 1;
    } else {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`thidua: lỗi không mong đợi — unexpected error: ${message}\n`);
      if (process.env.THIDUA_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = 1;
    }
  }
}

// A closed pipe (thidua score … | head) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

await main();
