import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ScoringIssue } from '@thidua/scoring';

/**
 * A JSON text parsed with positions (jsonc-parser, in strict JSON mode: no comments, no trailing
 * commas — the server reads rule sets with JSON.parse), so that a schema issue's path can be put
 * on the line an official edits.
 */
/** A problem placed on the text an official edits. */
export interface PlacedProblem {
  line: number;
  column: number;
  /** e.g. "groups[1].eligibility.conditions[0].value", or "" for a syntax error. */
  path: string;
  /** For a text refused before parsing: json_too_deep, json_too_large. */
  code?: 'json_too_deep' | 'json_too_large';
  message: { vi: string; en: string };
}

/**
 * How large a JSON text may be, checked in one pass before it is parsed: jsonc-parser and the
 * schema checks recurse, so a text nested 20,000 levels deep would overflow the stack. A rule set
 * nests about 12 levels (the CCHC criteria tree), a campaign file one more; 64 leaves room for deep
 * expressions and trees.
 */
export interface JsonLimits {
  /** Objects and arrays inside one another. */
  maxDepth: number;
  /** Characters of the whole text. */
  maxLength: number;
}

export const defaultJsonLimits: Readonly<JsonLimits> = Object.freeze({ maxDepth: 64, maxLength: 20 * 1024 * 1024 });

export interface LocatedJson {
  value: unknown;
  root: Node | undefined;
  lineStarts: number[];
  syntaxErrors: PlacedProblem[];
}

export function locateJson(text: string, limits: Partial<JsonLimits> = {}): LocatedJson {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const { maxDepth, maxLength } = { ...defaultJsonLimits, ...limits };
  if (text.length > maxLength) {
    const problem: PlacedProblem = { line: 1, column: 1, path: '', code: 'json_too_large', message: tooLarge(text.length, maxLength) };
    return { value: undefined, root: undefined, lineStarts, syntaxErrors: [problem] };
  }
  const deepAt = depthExceededAt(text, maxDepth);
  if (deepAt !== null) {
    const problem: PlacedProblem = { ...position({ lineStarts }, deepAt), path: '', code: 'json_too_deep', message: tooDeep(maxDepth) };
    return { value: undefined, root: undefined, lineStarts, syntaxErrors: [problem] };
  }
  const errors: ParseError[] = [];
  // A BOM from a Windows editor is not an error.
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseTree(offset ? ' ' + text.slice(1) : text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const located: LocatedJson = { value: undefined, root, lineStarts, syntaxErrors: [] };
  located.syntaxErrors = errors.map((e) => ({
    ...position(located, e.offset),
    path: '',
    message: syntaxMessage(printParseErrorCode(e.error)),
  }));
  if (root && errors.length === 0) {
    try {
      located.value = JSON.parse(offset ? text.slice(1) : text);
    } catch (err) {
      located.syntaxErrors.push({ line: 1, column: 1, path: '', message: syntaxMessage((err as Error).message) });
    }
  }
  return located;
}

/** Line and column (1-based) of an offset in the text. */
export function position(located: Pick<LocatedJson, 'lineStarts'>, offset: number): { line: number; column: number } {
  const starts = located.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/**
 * Places the library's rule-set issues (paths ["ruleSet", …]) on the text: at the key of the
 * offending property, or — for a missing property — at the object that should hold it.
 */
export function issuesByPath(located: LocatedJson, issues: ScoringIssue[]): PlacedProblem[] {
  return issues
    .map((issue) => {
      // Library paths start with "ruleSet" (a bare rules.json); a campaign file's with "campaign".
      let path = issue.path[0] === 'ruleSet' || issue.path[0] === 'campaign' ? issue.path.slice(1) : issue.path;
      // zod puts an unknown key's issue on the object; the key itself is the line to edit.
      const unknownKey = /unknown key "([^"]+)"/.exec(issue.message.en);
      if (unknownKey?.[1] !== undefined) path = [...path, unknownKey[1]];
      let node: Node | undefined;
      for (let depth = path.length; depth >= 0 && !node; depth--) {
        node = located.root ? findNodeAtLocation(located.root, path.slice(0, depth)) : undefined;
      }
      const anchor = node?.parent?.type === 'property' ? node.parent : node;
      return { ...position(located, anchor?.offset ?? 0), path: formatJsonPath(path), message: issue.message };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

export function formatJsonPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

const syntaxMessages: Record<string, { vi: string; en: string }> = {
  InvalidSymbol: { vi: 'ký tự không hợp lệ', en: 'invalid symbol' },
  InvalidNumberFormat: { vi: 'số viết sai', en: 'invalid number' },
  PropertyNameExpected: { vi: 'thiếu tên trường (trong ngoặc kép)', en: 'property name expected (in double quotes)' },
  ValueExpected: { vi: 'thiếu giá trị', en: 'value expected' },
  ColonExpected: { vi: 'thiếu dấu hai chấm', en: 'colon expected' },
  CommaExpected: { vi: 'thiếu dấu phẩy', en: 'comma expected' },
  CloseBraceExpected: { vi: 'thiếu dấu }', en: 'closing brace } expected' },
  CloseBracketExpected: { vi: 'thiếu dấu ]', en: 'closing bracket ] expected' },
  EndOfFileExpected: { vi: 'thừa nội dung sau khi đã hết JSON', en: 'end of file expected' },
  InvalidCommentToken: { vi: 'JSON không cho phép chú thích', en: 'comments are not allowed in JSON' },
  UnexpectedEndOfComment: { vi: 'chú thích chưa đóng', en: 'unexpected end of comment' },
  UnexpectedEndOfString: { vi: 'chuỗi chưa đóng ngoặc kép', en: 'unterminated string' },
  UnexpectedEndOfNumber: { vi: 'số chưa viết xong', en: 'unexpected end of number' },
  InvalidUnicode: { vi: 'mã Unicode không hợp lệ', en: 'invalid unicode sequence' },
  InvalidEscapeCharacter: { vi: 'ký tự thoát không hợp lệ', en: 'invalid escape character' },
  InvalidCharacter: { vi: 'ký tự không hợp lệ trong chuỗi', en: 'invalid character in string' },
};

function syntaxMessage(code: string): { vi: string; en: string } {
  const m = syntaxMessages[code] ?? { vi: code, en: code };
  return { vi: `JSON sai cú pháp: ${m.vi}`, en: `JSON syntax error: ${m.en}` };
}

/** The offset of the first bracket that opens one level more than `maxDepth`, or null. Strings are skipped. */
function depthExceededAt(text: string, maxDepth: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return null;
}

function tooDeep(maxDepth: number): { vi: string; en: string } {
  return {
    vi: `JSON lồng nhau quá sâu: quá ${maxDepth} tầng đối tượng hoặc mảng; tệp không được đọc`,
    en: `The JSON is nested too deeply: more than ${maxDepth} levels of objects or arrays; the file was not read`,
  };
}

function tooLarge(length: number, maxLength: number): { vi: string; en: string } {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    vi: `Tệp JSON quá lớn: ${mb(length).replace('.', ',')} triệu ký tự, tối đa ${mb(maxLength).replace('.', ',')}`,
    en: `The JSON file is too large: ${mb(length)} million characters, at most ${mb(maxLength)}`,
  };
}
