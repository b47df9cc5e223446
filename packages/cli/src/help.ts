import { presets } from '@thidua/scoring';
import type { Lang } from './output.js';

/** `thidua --help` and `thidua <command> --help`: what it does, its options, examples. */

const presetIds = () => Object.keys(presets).join(', ');

const general = {
  vi: () => `thidua — tính điểm, kiểm tra và xác minh kết quả thi đua dịch vụ công trực tuyến

Cách dùng: thidua <lệnh> [tùy chọn]

Lệnh:
  score <số-liệu.csv|xlsx|json> tính điểm, xếp hạng, xét giải, xếp loại, chỉ tiêu
  validate <số-liệu>           kiểm tra tệp số liệu, báo từng lỗi theo dòng và cột
  template                     tạo biểu mẫu số liệu trống (CSV hoặc XLSX)
  rules list                   liệt kê các bộ quy tắc mẫu
  rules init                   in bộ quy tắc mẫu (JSON) để sửa thành quy tắc của đơn vị mình
  rules check <rules.json>     kiểm tra tệp quy tắc, báo lỗi theo dòng
  rules upgrade <rules.json>   chuyển bộ quy tắc phiên bản 1 sang phiên bản 2
  bundle <số-liệu> --out F     lập hồ sơ kết quả (quy tắc + số liệu + SHA-256 + kết quả)
  verify <award.json>          tính lại hồ sơ kết quả, xác nhận từng con số

Tùy chọn chung:
  --rules <mã|rules.json>      bộ quy tắc (mặc định nui-thanh-2023; có: ${presetIds()})
  --campaign <campaign.json>   tệp chiến dịch của bảng xếp hạng (quy tắc + danh sách đơn vị): kiểm tra như máy chủ
  --lang vi|en                 ngôn ngữ hiển thị (mặc định vi)
  -h, --help                   hướng dẫn; "thidua <lệnh> --help" cho từng lệnh
  -v, --version                phiên bản

Mã thoát: 0 đạt · 1 có lỗi số liệu / quy tắc / kết quả không khớp · 2 sai cách gọi lệnh

Ví dụ:
  thidua template --format xlsx --out bieu-mau.xlsx
  thidua validate so-lieu-thang-9.xlsx
  thidua score so-lieu-thang-9.xlsx
  thidua bundle so-lieu.csv --rules rules.json --out ket-qua.json && thidua verify ket-qua.json
`,
  en: () => `thidua — score, check and verify public-service (online public services) competitions

Usage: thidua <command> [options]

Commands:
  score <stats.csv|xlsx|json>  score, rank, award, class every unit; targets met
  validate <stats>             check a statistics file; every problem by row and column
  template                     write the blank statistics template (CSV or XLSX)
  rules list                   list the presets
  rules init                   print a preset rule set (JSON) to edit into your own
  rules check <rules.json>     check a rules file; problems by line
  rules upgrade <rules.json>   convert a version 1 rule set to version 2
  bundle <stats> --out F       make an award bundle (rules + statistics + SHA-256 + evaluation)
  verify <award.json>          recompute an award bundle and check every figure

Common options:
  --rules <id|rules.json>      rule set (default nui-thanh-2023; presets: ${presetIds()})
  --campaign <campaign.json>   the leaderboard's campaign file (rules + roster): checks sheets as the server does
  --lang vi|en                 output language (default vi)
  -h, --help                   help; "thidua <command> --help" for one command
  -v, --version                version

Exit codes: 0 ok · 1 problems in the statistics / rules, or a mismatch · 2 wrong usage

Examples:
  thidua template --format xlsx --out template.xlsx
  thidua validate stats-september.xlsx
  thidua score stats-september.xlsx --lang en
  thidua bundle stats.csv --rules rules.json --out award.json && thidua verify award.json
`,
};

const commands: Record<string, { vi: string; en: string }> = {
  score: {
    vi: `thidua score <số-liệu.csv|xlsx|json> [--rules <mã|rules.json> | --campaign <campaign.json>] [--format table|json|csv|xlsx] [--explain <mã đơn vị>] [--out F] [--lang vi|en]

Kiểm tra tệp số liệu, tính điểm, xếp hạng, xét giải, xếp loại và đối chiếu chỉ tiêu theo bộ quy tắc.
Tệp JSON: danh sách đơn vị (hoặc { "units": [...] }), mỗi đơn vị { id, name, group, <các trường số liệu> }.
  --format table   bảng đọc được trên màn hình (mặc định)
  --format json    toàn bộ kết quả (Evaluation) dạng JSON
  --explain <mã>   cách tính điểm của một đơn vị, từng bước, với số liệu của đơn vị và câu trích dẫn
  --format csv     bảng xếp hạng CSV (UTF-8 có BOM, mở được bằng Excel)
  --format xlsx    bảng xếp hạng XLSX (cần --out)
  --list ranking|awards   với csv/xlsx: bảng xếp hạng đầy đủ (mặc định) hoặc danh sách khen thưởng
  --as-of YYYY-MM-DD      ngày chốt số liệu ghi trên tệp xuất (mặc định: hôm nay, trong kỳ thi đua)
  --status provisional|final  tạm tính (mặc định) hoặc chính thức
  --out F          ghi ra tệp F thay vì màn hình
  --progress / --no-progress  hiện / ẩn tiến độ trên stderr (mặc định: chỉ với tệp lớn)
Tệp có lỗi: in từng lỗi theo dòng và cột ra stderr, mã thoát 1.

Ví dụ:
  thidua score so-lieu.xlsx
  thidua score so-lieu.csv --rules rules.json --format json --out ket-qua.json
  thidua score so-lieu.csv --format xlsx --list awards --out danh-sach-khen-thuong.xlsx
  thidua score docs/examples/thuy-thanh-cchc-2022.json --rules thuy-thanh-cchc-2022 --explain thuy-thanh
`,
    en: `thidua score <stats.csv|xlsx|json> [--rules <id|rules.json> | --campaign <campaign.json>] [--format table|json|csv|xlsx] [--explain <unit id>] [--out F] [--lang vi|en]

Checks the statistics file, then scores, ranks, awards and classes every unit, and checks its
targets, under the rule set. A JSON file: a list of units (or { "units": [...] }), each
{ id, name, group, <the rule set's inputs> }.
  --format table   a table readable in a terminal (default)
  --format json    the whole evaluation as JSON
  --explain <id>   one unit's score worked out step by step, with its numbers and the sentence behind each
  --format csv     the ranking as CSV (UTF-8 with BOM, opens in Excel)
  --format xlsx    the ranking as XLSX (needs --out)
  --list ranking|awards   for csv/xlsx: the full ranking (default) or the award list
  --as-of YYYY-MM-DD      the date the statistics are cumulative to, written on exports (default: today, within the period)
  --status provisional|final  provisional (default) or final
  --out F          write to file F instead of the terminal
  --progress / --no-progress  show / hide progress on stderr (default: only for large files)
A file with problems: every problem by row and column on stderr, exit code 1.

Examples:
  thidua score stats.xlsx --lang en
  thidua score stats.csv --rules rules.json --format json --out evaluation.json
  thidua score stats.csv --format xlsx --list awards --out awards.xlsx
  thidua score docs/examples/thuy-thanh-cchc-2022.json --rules thuy-thanh-cchc-2022 --explain thuy-thanh
`,
  },
  validate: {
    vi: `thidua validate <số-liệu.csv|xlsx> [--rules <mã|rules.json> | --campaign <campaign.json>] [--format text|json] [--lang vi|en]

Kiểm tra tệp số liệu mà không tính điểm: in mọi lỗi, mỗi lỗi với số dòng (như Excel hiển thị),
tên cột và lý do, bằng tiếng Việt và tiếng Anh; sau đó các cảnh báo.
Mã thoát 1 khi có ít nhất một lỗi (cảnh báo không tính), 0 khi tệp dùng được.
Với --campaign: kiểm tra thêm danh sách đơn vị (thiếu đơn vị, đơn vị lạ, sai tên, sai nhóm) như máy chủ.

Ví dụ:
  thidua validate so-lieu.xlsx
  thidua validate so-lieu.xlsx --campaign campaign.json
  thidua validate so-lieu.csv --rules rules.json --format json
`,
    en: `thidua validate <stats.csv|xlsx> [--rules <id|rules.json> | --campaign <campaign.json>] [--format text|json] [--lang vi|en]

Checks a statistics file without scoring it: every problem with its row number (as Excel shows it),
column title and reason, in Vietnamese and English; then the warnings.
Exit code 1 when there is at least one problem (warnings do not count), 0 when the file can be used.
With --campaign: also checks the roster (missing, unknown, misnamed or misgrouped units), as the server does.

Examples:
  thidua validate stats.xlsx --lang en
  thidua validate stats.xlsx --campaign campaign.json
  thidua validate stats.csv --rules rules.json --format json
`,
  },
  template: {
    vi: `thidua template [--format csv|xlsx] [--out F] [--rules <mã|rules.json> | --campaign <campaign.json>]

Tạo biểu mẫu số liệu trống: các cột với tiêu đề tiếng Việt; bản XLSX có thêm trang "Hướng dẫn"
và kiểm tra dữ liệu khi nhập. Không có --out: CSV in ra màn hình. Định dạng suy ra từ đuôi tệp --out.

Với --campaign: mỗi đơn vị một dòng, điền sẵn mã, tên và nhóm.

Ví dụ:
  thidua template --out bieu-mau.xlsx
  thidua template --campaign campaign.json --out bieu-mau.xlsx
  thidua template --format csv > bieu-mau.csv
`,
    en: `thidua template [--format csv|xlsx] [--out F] [--rules <id|rules.json> | --campaign <campaign.json>]

Writes the blank statistics template: the columns with Vietnamese titles; the XLSX version adds a
"Hướng dẫn" (guide) sheet and input validation. Without --out, CSV goes to standard output. The
format follows the --out file's extension unless --format is given.

With --campaign: one row per unit, id, name and group filled in.

Examples:
  thidua template --out template.xlsx
  thidua template --campaign campaign.json --out template.xlsx
  thidua template --format csv > template.csv
`,
  },
  rules: {
    vi: `thidua rules list
thidua rules init [--from <mã>] [--out F]
thidua rules check <rules.json> [--lang vi|en]
thidua rules upgrade <rules.json|campaign.json> [--out F]

rules list     các bộ quy tắc mẫu: ${presetIds()}.
rules init     in một bộ quy tắc mẫu (mặc định nui-thanh-2023) dạng JSON để sửa.
rules check    kiểm tra tệp quy tắc (hoặc tệp chiến dịch { ruleSet, roster }) theo lược đồ; mỗi lỗi với
               dòng:cột trong tệp. Mã thoát 1 khi có lỗi.
rules upgrade  chuyển bộ quy tắc phiên bản 1 (hoặc tệp chiến dịch chứa nó) sang phiên bản 2: mọi con
               số, trích dẫn và cách hiểu được giữ nguyên, kết quả tính điểm không đổi.

Ví dụ:
  thidua rules init > rules.json
  thidua rules init --from thuy-thanh-cchc-2022 > rules.json
  thidua rules check rules.json
  thidua rules upgrade rules-cu.json --out rules.json
`,
    en: `thidua rules list
thidua rules init [--from <id>] [--out F]
thidua rules check <rules.json> [--lang vi|en]
thidua rules upgrade <rules.json|campaign.json> [--out F]

rules list     the presets: ${presetIds()}.
rules init     prints a preset rule set (default nui-thanh-2023) as JSON, to edit.
rules check    checks a rules file (or a campaign file { ruleSet, roster }) against the schema; each
               problem with its line:column. Exit code 1 on problems.
rules upgrade  converts a version 1 rule set (or a campaign file holding one) to version 2: every
               figure, citation and policy carried over, every score unchanged.

Examples:
  thidua rules init > rules.json
  thidua rules init --from thuy-thanh-cchc-2022 > rules.json
  thidua rules check rules.json --lang en
  thidua rules upgrade old-rules.json --out rules.json
`,
  },
  bundle: {
    vi: `thidua bundle <số-liệu.csv|xlsx> [--rules <mã|rules.json> | --campaign <campaign.json>] [--out award.json]

Lập hồ sơ kết quả: bộ quy tắc, số liệu đầu vào, SHA-256 của số liệu (và của tệp), phiên bản thư
viện và toàn bộ kết quả. Ai cũng có thể kiểm tra lại bằng "thidua verify". Không có --out: in ra màn hình.

Ví dụ:
  thidua bundle so-lieu.xlsx --rules rules.json --out ket-qua.json
`,
    en: `thidua bundle <stats.csv|xlsx> [--rules <id|rules.json> | --campaign <campaign.json>] [--out award.json]

Makes an award bundle: the rule set, the input statistics, their SHA-256 (and the file's), the
library version and the whole evaluation. Anyone can check it with "thidua verify". Without --out it
goes to standard output.

Examples:
  thidua bundle stats.xlsx --rules rules.json --out award.json
`,
  },
  verify: {
    vi: `thidua verify <award.json> [--stats <số-liệu.csv|xlsx>] [--rules <mã|rules.json>] [--lang vi|en]

Tính lại hồ sơ kết quả (từ tệp "thidua bundle" hoặc từ máy chủ bảng xếp hạng:
/api/export/award-bundle.json) và đối chiếu từng con số; nêu con số đầu tiên không khớp.
--stats: đối chiếu thêm SHA-256 của tệp số liệu gốc.
--rules: đối chiếu thêm bộ quy tắc trong hồ sơ với bộ quy tắc chính thức (mã mẫu hoặc rules.json).
Mã thoát 0 khi mọi con số khớp, 1 khi có chỗ không khớp hoặc hồ sơ hỏng.

Ví dụ:
  thidua verify ket-qua.json
  thidua verify award-bundle.json --stats so-lieu-thang-12.xlsx --rules nui-thanh-2023
`,
    en: `thidua verify <award.json> [--stats <stats.csv|xlsx>] [--rules <id|rules.json>] [--lang vi|en]

Recomputes an award bundle (from "thidua bundle" or from the leaderboard server:
/api/export/award-bundle.json) and checks every figure; names the first that does not match.
--stats: also checks the SHA-256 of the original statistics file.
--rules: also checks that the bundle's rule set is exactly the official one (a preset id or rules.json).
Exit code 0 when every figure matches, 1 on a mismatch or a broken bundle.

Examples:
  thidua verify award.json --lang en
  thidua verify award-bundle.json --stats stats-december.xlsx --rules nui-thanh-2023
`,
  },
};

export function helpText(command: string | undefined, lang: Lang): string {
  if (command && commands[command]) return (commands[command] as { vi: string; en: string })[lang];
  return general[lang]();
}

export const commandNames = Object.keys(commands);
