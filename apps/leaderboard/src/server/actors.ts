import type { Actor } from '../contract.js';

/**
 * Who acts when no person does. Their names are Vietnamese, as every name in the audit log is;
 * the log's English sentences say them in English (audit-text.ts).
 */
export const systemActor: Actor = { username: 'system', name: 'Hệ thống' };
/** Loads the demo campaigns at first start. Not "sample data": one of them (Thủy Thanh) holds a document's real figures. */
export const demoActor: Actor = { username: 'demo-seed', name: 'Nạp sẵn khi khởi động' };
export const campaignFileActor: Actor = { username: 'campaign-file', name: 'Tệp chiến dịch' };
export const anonymousActor: Actor = { username: 'anonymous', name: 'Người chưa đăng nhập' };

export const actorNamesEn: Record<string, string> = {
  system: 'The system',
  'demo-seed': 'Loaded at first start',
  'campaign-file': 'The campaign file',
  anonymous: 'Someone not signed in',
};
