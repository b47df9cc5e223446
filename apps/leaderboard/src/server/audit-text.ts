import type { LocalizedText } from '@thidua/scoring';
import { formatDateVi as viDate } from '@thidua/stats-io';
import type { Grant } from '../contract.js';
import type { AuditEntry } from '../store/store.js';
import { actorNamesEn } from './actors.js';
import { roleNames } from '../roles.js';
import { phaseNames, type PhaseId } from '../process/phases.js';
import { formatMoment } from '../web/format.js';
import { httpErrors, type HttpErrorCode } from './errors.js';

/**
 * Each audit line said as a sentence an official reads — "Nguyễn Văn A thu hồi kỳ số liệu đến
 * ngày 31/12/2023 (so-lieu-thang-12.xlsx)" — in Vietnamese and English. The page puts the time in
 * front. The line's stored detail stays as it was written (append-only); only its reading is here.
 */

type Detail = Record<string, unknown>;
type Say = (who: LocalizedText, d: Detail, e: AuditEntry) => LocalizedText;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const file = (d: Detail) => (str(d.sourceFileName) || str(d.fileName) ? ` (${str(d.sourceFileName) || str(d.fileName)})` : '');
const dateVi = (d: Detail) => (str(d.asOf) ? viDate(str(d.asOf)) : '?');
/** English lines write dates as the English pages do: 31/12/2023. */
const dateEn = dateVi;
const vnd = (n: unknown) => (typeof n === 'number' ? `${new Intl.NumberFormat('vi-VN').format(n)} đồng` : '');
const vndEn = (n: unknown) => (typeof n === 'number' ? `${new Intl.NumberFormat('en').format(n)} VND` : '');

function grantsText(v: unknown): LocalizedText {
  if (!Array.isArray(v) || v.length === 0) return { vi: 'không có quyền nào', en: 'no role' };
  const grants = v as Grant[];
  const one = (g: Grant, lang: 'vi' | 'en') => {
    const name = roleNames[g.role]?.[lang] ?? g.role;
    if (g.role === 'admin') return name;
    if (g.campaignId === '*') return `${name} (${lang === 'vi' ? 'mọi đợt thi đua' : 'every campaign'})`;
    return g.unitId === undefined ? `${name} (${g.campaignId})` : `${name} (${g.campaignId}, ${lang === 'vi' ? 'đơn vị' : 'unit'} ${g.unitId})`;
  };
  return { vi: grants.map((g) => one(g, 'vi')).join(', '), en: grants.map((g) => one(g, 'en')).join(', ') };
}

/** Points as entered, written as the language writes decimals; "trống" (empty) when none. */
const pts = (v: unknown, lang: 'vi' | 'en') => (typeof v === 'string' ? (lang === 'vi' ? v.replace('.', ',') : v) : lang === 'vi' ? 'trống' : 'empty');
const unit = (d: Detail) => str(d.unitName) || str(d.unitId);
const part = (v: unknown, key: string) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined);
const change = (d: Detail, key: string, lang: 'vi' | 'en') => `${pts(part(d.from, key), lang)} → ${pts(part(d.to, key), lang)}`;
const noteChange = (d: Detail, key: string, lang: 'vi' | 'en') => {
  const to = part(d.to, key);
  if (to === part(d.from, key)) return '';
  return typeof to === 'string' && to !== '' ? (lang === 'vi' ? `, ghi chú "${to}"` : `, note "${to}"`) : lang === 'vi' ? ', xóa ghi chú' : ', note cleared';
};
const phase = (d: Detail): LocalizedText => phaseNames[str(d.phase) as PhaseId] ?? { vi: str(d.phase), en: str(d.phase) };
const moment = (v: unknown, lang: 'vi' | 'en') => (typeof v === 'string' ? formatMoment(v, lang) : '?');

const said: Record<string, Say> = {
  campaign_created: (w, d) => ({
    vi: `${w.vi} tạo đợt thi đua "${str(d.campaignId)}" theo bộ quy tắc ${str(d.ruleSetId)}, ${str(d.units)} đơn vị`,
    en: `${w.en} created the campaign "${str(d.campaignId)}" under the rule set ${str(d.ruleSetId)}, ${str(d.units)} units`,
  }),
  rule_set_replaced: (w, d) => ({
    vi: `${w.vi} thay bộ quy tắc ${str(d.from)} bằng ${str(d.to)}`,
    en: `${w.en} replaced the rule set ${str(d.from)} with ${str(d.to)}`,
  }),
  results_recomputed: (w, d) => ({
    vi: `${w.vi} tính lại kết quả đã lưu của ${str(d.snapshots)} kỳ số liệu ${d.reason === 'library' ? `theo phiên bản thư viện tính điểm ${str(d.libraryVersion)}` : d.reason === 'rule_set' ? 'theo bộ quy tắc mới' : '(lần đầu lưu kết quả)'}`,
    en: `${w.en} recomputed the stored results of ${str(d.snapshots)} snapshots ${d.reason === 'library' ? `under scoring library ${str(d.libraryVersion)}` : d.reason === 'rule_set' ? 'under the new rule set' : '(results stored for the first time)'}`,
  }),
  rule_set_upgraded: (w, d) => ({
    vi: `${w.vi} chuyển bộ quy tắc ${str(d.ruleSetId)} sang phiên bản ${str(d.to)} (giữ nguyên mọi con số)`,
    en: `${w.en} converted the rule set ${str(d.ruleSetId)} to version ${str(d.to)} (every figure kept)`,
  }),
  roster_replaced: (w, d) => ({
    vi: `${w.vi} thay danh sách đơn vị: ${str(d.before)} → ${str(d.after)} đơn vị${file(d)}`,
    en: `${w.en} replaced the roster: ${str(d.before)} → ${str(d.after)} units${file(d)}`,
  }),
  campaign_archived: (w) => ({ vi: `${w.vi} lưu trữ đợt thi đua`, en: `${w.en} archived the campaign` }),
  snapshot_uploaded: (w, d) => ({
    vi: `${w.vi} tải lên số liệu đến ngày ${dateVi(d)}${file(d)}, chờ công bố`,
    en: `${w.en} uploaded the figures as of ${dateEn(d)}${file(d)}, waiting to be published`,
  }),
  snapshot_published: (w, d) => ({
    vi: `${w.vi} công bố số liệu đến ngày ${dateVi(d)}${file(d)}${d.supersedes ? `, thay kỳ số ${str(d.supersedes)}` : ''}${d.olderThanShown ? ` (bảng vẫn hiển thị số liệu đến ngày ${viDate(str(d.olderThanShown))})` : ''}`,
    en: `${w.en} published the figures as of ${dateEn(d)}${file(d)}${d.supersedes ? `, replacing snapshot ${str(d.supersedes)}` : ''}${d.olderThanShown ? ` (the board still shows ${viDate(str(d.olderThanShown))})` : ''}`,
  }),
  snapshot_retracted: (w, d, e) =>
    str(d.asOf)
      ? {
          vi: `${w.vi} thu hồi ${d.pending ? 'tệp chờ công bố' : 'kỳ số liệu'} đến ngày ${dateVi(d)}${file(d)}`,
          en: `${w.en} retracted the ${d.pending ? 'pending upload' : 'figures'} as of ${dateEn(d)}${file(d)}`,
        }
      : // Lines of release 0.1 name the snapshot only.
        { vi: `${w.vi} thu hồi kỳ số liệu số ${e.snapshotId ?? '?'}`, en: `${w.en} retracted snapshot ${e.snapshotId ?? '?'}` },
  campaign_finalized: (w, d) => {
    const decision = (d.decision ?? null) as { number?: string; date?: string; signerName?: string; kind?: string } | null;
    return {
      vi: `${w.vi} chốt kết quả chính thức theo số liệu đến ngày ${dateVi(d)}${decision ? `, căn cứ ${str(decision.kind) || 'Quyết định'} số ${str(decision.number)} ngày ${viDate(str(decision.date))} (${str(decision.signerName)} ký)` : ''}${d.totalAwardedVnd !== undefined ? `; tổng tiền thưởng ${vnd(d.totalAwardedVnd)}` : ''}`,
      en: `${w.en} finalised the result on the figures as of ${dateEn(d)}${decision ? `, on ${decision.kind ? `${str(decision.kind)} (document)` : 'decision'} no. ${str(decision.number)} of ${viDate(str(decision.date))} (signed by ${str(decision.signerName)})` : ''}${d.totalAwardedVnd !== undefined ? `; prizes total ${vndEn(d.totalAwardedVnd)}` : ''}`,
    };
  },
  auth_failed: (_w, d) => ({
    vi: `Một yêu cầu ${d.tokenGiven ? 'với mã truy cập sai' : 'chưa đăng nhập'} bị từ chối: ${str(d.method)} ${str(d.url)} (địa chỉ ${str(d.ip)})`,
    en: `A request ${d.tokenGiven ? 'with a wrong access token' : 'without signing in'} was refused: ${str(d.method)} ${str(d.url)} (address ${str(d.ip)})`,
  }),
  login_failed: (_w, d) => ({
    vi: `Đăng nhập sai với tên "${str(d.username)}" (địa chỉ ${str(d.ip)})`,
    en: `A failed sign-in as "${str(d.username)}" (address ${str(d.ip)})`,
  }),
  signed_in: (w, d) => ({ vi: `${w.vi} đăng nhập (địa chỉ ${str(d.ip)})`, en: `${w.en} signed in (address ${str(d.ip)})` }),
  signed_out: (w) => ({ vi: `${w.vi} đăng xuất`, en: `${w.en} signed out` }),
  account_created: (w, d) => {
    const g = grantsText(d.roles);
    return {
      vi: `${w.vi} tạo tài khoản "${str(d.username)}" cho ${str(d.name)}: ${g.vi}${d.from === 'admin_token' ? ' (từ mã quản trị của phiên bản 0.1)' : ''}`,
      en: `${w.en} created the account "${str(d.username)}" for ${str(d.name)}: ${g.en}${d.from === 'admin_token' ? ' (from the admin token of release 0.1)' : ''}`,
    };
  },
  account_updated: (w, d) => {
    const parts: LocalizedText[] = [];
    if (d.nameBefore !== undefined) parts.push({ vi: `đổi tên từ "${str(d.nameBefore)}"`, en: `renamed from "${str(d.nameBefore)}"` });
    if (d.roles !== undefined) {
      const g = grantsText(d.roles);
      parts.push({ vi: `quyền: ${g.vi}`, en: `roles: ${g.en}` });
    }
    if (d.disabled === true) parts.push({ vi: 'khóa tài khoản', en: 'disabled the account' });
    if (d.disabled === false) parts.push({ vi: 'mở khóa tài khoản', en: 'enabled the account' });
    return {
      vi: `${w.vi} sửa tài khoản "${str(d.username)}" (${str(d.name)}): ${parts.map((p) => p.vi).join('; ') || 'không đổi gì'}`,
      en: `${w.en} changed the account "${str(d.username)}" (${str(d.name)}): ${parts.map((p) => p.en).join('; ') || 'nothing changed'}`,
    };
  },
  password_set: (w, d) => ({
    vi: `${w.vi} đặt mật khẩu mới cho tài khoản "${str(d.username)}" (${str(d.name)}); các phiên đăng nhập cũ bị đóng`,
    en: `${w.en} set a new password for the account "${str(d.username)}" (${str(d.name)}); its sessions were ended`,
  }),
  token_created: (w, d) => ({
    vi: `${w.vi} tạo mã truy cập "${str(d.label)}" cho tài khoản "${str(d.username)}"`,
    en: `${w.en} created the access token "${str(d.label)}" for the account "${str(d.username)}"`,
  }),
  token_revoked: (w, d) => ({
    vi: `${w.vi} thu hồi mã truy cập "${str(d.label)}" của tài khoản "${str(d.username)}"`,
    en: `${w.en} revoked the access token "${str(d.label)}" of the account "${str(d.username)}"`,
  }),
  admin_token_generated: (w) => ({ vi: `${w.vi} tạo mã quản trị lúc khởi động lần đầu`, en: `${w.en} generated the admin token at first start` }),
  // ── an index's round (ADR 0020) ──
  round_set: (w, d) => {
    const phases = (part(d.to, 'phases') ?? []) as { id: PhaseId; opensAt: string; closesAt: string | null }[];
    const list = (lang: 'vi' | 'en') =>
      phases.map((p) => `${phaseNames[p.id]?.[lang] ?? p.id} ${moment(p.opensAt, lang)}${p.closesAt ? ` – ${moment(p.closesAt, lang)}` : ''}`).join('; ');
    return {
      vi: `${w.vi} ${d.from ? 'đặt lại' : 'mở vòng tự đánh giá – thẩm định với'} các giai đoạn: ${list('vi')}`,
      en: `${w.en} ${d.from ? 'reset' : 'opened the self-assessment and appraisal round with'} the phases: ${list('en')}`,
    };
  },
  round_phase_extended: (w, d) => ({
    vi: `${w.vi} gia hạn giai đoạn ${phase(d).vi}: hạn từ ${moment(d.from, 'vi')} thành ${moment(d.to, 'vi')}`,
    en: `${w.en} extended the ${phase(d).en} phase: closing ${moment(d.from, 'en')} → ${moment(d.to, 'en')}`,
  }),
  self_assessment_saved: (w, d) => ({
    vi: `${w.vi} tự chấm ${unit(d)}, tiêu chí ${str(d.criterionId)}: ${change(d, 'points', 'vi')}${noteChange(d, 'note', 'vi')}`,
    en: `${w.en} self-assessed ${unit(d)}, criterion ${str(d.criterionId)}: ${change(d, 'points', 'en')}${noteChange(d, 'note', 'en')}`,
  }),
  self_assessment_submitted: (w, d) => ({
    vi: `${w.vi} nộp bản tự đánh giá của ${unit(d)} (${str(d.done)}/${str(d.total)} tiêu chí${Number(d.missingEvidence) > 0 ? `, ${str(d.missingEvidence)} tiêu chí thiếu tài liệu kiểm chứng` : ''})`,
    en: `${w.en} submitted the self-assessment of ${unit(d)} (${str(d.done)}/${str(d.total)} criteria${Number(d.missingEvidence) > 0 ? `, ${str(d.missingEvidence)} without evidence` : ''})`,
  }),
  self_assessment_withdrawn: (w, d) => ({ vi: `${w.vi} rút lại bản tự đánh giá đã nộp của ${unit(d)}`, en: `${w.en} withdrew the submitted self-assessment of ${unit(d)}` }),
  appraisal_saved: (w, d) => ({
    vi: `${w.vi} thẩm định ${unit(d)}, tiêu chí ${str(d.criterionId)}: ${change(d, 'points', 'vi')}${noteChange(d, 'comment', 'vi')}`,
    en: `${w.en} appraised ${unit(d)}, criterion ${str(d.criterionId)}: ${change(d, 'points', 'en')}${noteChange(d, 'comment', 'en')}`,
  }),
  appraisal_agreed: (w, d) => {
    const changes = Array.isArray(d.changes) ? (d.changes as { criterionId: string; from: string | null; to: string }[]) : [];
    const list = (lang: 'vi' | 'en') => changes.map((c) => `${c.criterionId} ${pts(c.from, lang)} → ${pts(c.to, lang)}`).join('; ');
    const where = d.taskId ? { vi: `nhiệm vụ ${str(d.taskId)}`, en: `task ${str(d.taskId)}` } : { vi: 'mọi tiêu chí', en: 'every criterion' };
    return {
      vi: `${w.vi} thống nhất kết quả tự chấm của ${unit(d)} (${where.vi}): ${list('vi') || 'không có điểm nào đổi'}`,
      en: `${w.en} agreed with the self-assessment of ${unit(d)} (${where.en}): ${list('en') || 'no points changed'}`,
    };
  },
  explanation_filed: (w, d) => ({
    vi: `${w.vi} giải trình tiêu chí ${str(d.criterionId)} của ${unit(d)}: "${str(d.to)}"`,
    en: `${w.en} filed an explanation of criterion ${str(d.criterionId)} for ${unit(d)}: "${str(d.to)}"`,
  }),
  explanation_answered: (w, d) =>
    d.outcome === 'changed'
      ? {
          vi: `${w.vi} chấp nhận giải trình tiêu chí ${str(d.criterionId)} của ${unit(d)}, đổi điểm ${pts(d.from, 'vi')} → ${pts(d.to, 'vi')}: "${str(d.reason)}"`,
          en: `${w.en} accepted the explanation of criterion ${str(d.criterionId)} for ${unit(d)}, points ${pts(d.from, 'en')} → ${pts(d.to, 'en')}: "${str(d.reason)}"`,
        }
      : {
          vi: `${w.vi} giữ nguyên điểm ${pts(d.from, 'vi')} tiêu chí ${str(d.criterionId)} của ${unit(d)} sau giải trình: "${str(d.reason)}"`,
          en: `${w.en} kept ${pts(d.from, 'en')} points for criterion ${str(d.criterionId)} of ${unit(d)} after the explanation: "${str(d.reason)}"`,
        },
  appraisal_confirmed: (w, d) => ({
    vi: `${w.vi} (Hội đồng thẩm định) xác nhận kết quả thẩm định của ${str(d.count)} đơn vị: ${Array.isArray(d.units) ? (d.units as string[]).join(', ') : ''}`,
    en: `${w.en} (the council) confirmed the appraisal of ${str(d.count)} units: ${Array.isArray(d.units) ? (d.units as string[]).join(', ') : ''}`,
  }),
  evidence_attached: (w, d) => ({
    vi: `${w.vi} đính kèm tài liệu kiểm chứng "${str(d.name)}" (${str(d.size)} byte, SHA-256 ${str(d.sha256).slice(0, 12)}…) cho tiêu chí ${str(d.criterionId)} của ${unit(d)}${d.stage === 'explanation' ? ', kèm giải trình' : ''}`,
    en: `${w.en} attached the evidence file "${str(d.name)}" (${str(d.size)} bytes, SHA-256 ${str(d.sha256).slice(0, 12)}…) to criterion ${str(d.criterionId)} of ${unit(d)}${d.stage === 'explanation' ? ', with an explanation' : ''}`,
  }),
  evidence_removed: (w, d) => ({
    vi: `${w.vi} gỡ tài liệu kiểm chứng "${str(d.name)}" khỏi tiêu chí ${str(d.criterionId)} của ${unit(d)}`,
    en: `${w.en} removed the evidence file "${str(d.name)}" from criterion ${str(d.criterionId)} of ${unit(d)}`,
  }),
  backup_made: (w, d) => ({
    vi: `${w.vi} sao lưu cơ sở dữ liệu (${str(d.pages)} trang${d.via === 'cli' ? ', bằng lệnh' : ''})`,
    en: `${w.en} backed up the database (${str(d.pages)} pages${d.via === 'cli' ? ', from the command line' : ''})`,
  }),
};

/** What a refused attempt was trying to do. */
const attempts: Record<string, LocalizedText> = {
  round_self_assessment: { vi: 'tự chấm điểm', en: 'self-assess' },
  round_submit: { vi: 'nộp bản tự đánh giá', en: 'submit the self-assessment' },
  round_withdraw: { vi: 'rút lại bản tự đánh giá', en: 'withdraw the self-assessment' },
  round_appraisal: { vi: 'chấm điểm thẩm định', en: 'appraise' },
  round_agree: { vi: 'thống nhất kết quả tự chấm', en: 'agree with the self-assessment' },
  round_explanation: { vi: 'giải trình', en: 'file an explanation' },
  round_answer: { vi: 'trả lời giải trình', en: 'answer an explanation' },
  round_confirm: { vi: 'xác nhận kết quả thẩm định', en: 'confirm the appraisal' },
  round_evidence: { vi: 'đính kèm tài liệu kiểm chứng', en: 'attach an evidence file' },
  round_phases: { vi: 'đặt hoặc gia hạn các giai đoạn', en: 'set or extend the phases' },
  snapshot_upload: { vi: 'tải lên số liệu', en: 'upload figures' },
  snapshot_publish: { vi: 'công bố số liệu', en: 'publish figures' },
  snapshot_retract: { vi: 'thu hồi số liệu', en: 'retract figures' },
  campaign_finalize: { vi: 'chốt kết quả', en: 'finalise the result' },
  roster_upload: { vi: 'thay danh sách đơn vị', en: 'replace the roster' },
  campaign_archive: { vi: 'lưu trữ đợt thi đua', en: 'archive the campaign' },
  campaign_create: { vi: 'tạo đợt thi đua', en: 'create a campaign' },
  account_change: { vi: 'thay đổi tài khoản', en: 'change an account' },
  backup: { vi: 'sao lưu cơ sở dữ liệu', en: 'back up the database' },
};

export function auditText(e: AuditEntry): LocalizedText {
  const who = { vi: e.actorName, en: actorNamesEn[e.actor] ?? e.actorName };
  if (e.outcome === 'refused' && attempts[e.action]) {
    const what = attempts[e.action] as LocalizedText;
    const code = str(e.detail.error) as HttpErrorCode;
    const why = httpErrors[code] ?? { vi: code, en: code };
    const asOf = str(e.detail.asOf) ? { vi: ` (ngày ${viDate(str(e.detail.asOf))})`, en: ` (as of ${viDate(str(e.detail.asOf))})` } : { vi: '', en: '' };
    const issues = typeof e.detail.issues === 'number' && e.detail.issues > 0 ? { vi: `, ${e.detail.issues} lỗi`, en: `, ${e.detail.issues} problems` } : { vi: '', en: '' };
    return {
      vi: `${who.vi} định ${what.vi}${asOf.vi} nhưng bị từ chối: ${why.vi}${issues.vi}`,
      en: `${who.en} tried to ${what.en}${asOf.en} and was refused: ${why.en}${issues.en}`,
    };
  }
  const say = said[e.action];
  if (say) return say(who, e.detail, e);
  return { vi: `${who.vi}: ${e.action}`, en: `${who.en}: ${e.action}` };
}
