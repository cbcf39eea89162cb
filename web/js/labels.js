// Chinese labels for codes the API returns, and formatting of dates, sizes and amounts.

export const KIND_LABELS = {
  contract: '合同',
  supplement: '补充协议',
  correspondence: '往来函件',
  attachment: '附件/记录',
  other: '其他',
};

export const STATUS_LABELS = {
  stored: '已入库',
  indexed: '已索引',
  failed: '失败',
  processing: '处理中',
  queued: '排队中',
  duplicate: '重复',
  // Upload rows that the server has not seen yet.
  pending: '待发送',
  sending: '发送中',
};

export const JOB_STATE_LABELS = {
  running: '进行中',
  done: '已完成',
};
export const jobStateLabel = (state) => (state ? JOB_STATE_LABELS[state] ?? state : '');

// Label of the linked document as seen from this one. "out": this document is the parent.
const RELATION_OUT = {
  attachment: '附件',
  entry: '压缩包条目',
  supplement: '补充协议',
  correspondence: '往来函件',
  record: '附件记录',
  related: '相关文档',
};
const RELATION_IN = {
  attachment: '所属邮件/文档',
  entry: '所属压缩包',
  supplement: '主合同',
  correspondence: '所涉合同',
  record: '所属合同',
  related: '相关合同',
};

// A document's place in a contract family (the "relation" of /api/contracts documents and of "family").
export const FAMILY_RELATION_LABELS = {
  contract: '合同',
  supplement: '补充协议',
  correspondence: '往来函件',
  record: '附件记录',
  related: '相关',
};
export const familyRelationLabel = (relation) => (relation ? FAMILY_RELATION_LABELS[relation] ?? relation : '关联');

/** Who made a family link: hetong ("auto") or a staff member ("staff"). */
export const ORIGIN_LABELS = { auto: '自动', staff: '人工' };
export const originLabel = (origin) => (origin ? ORIGIN_LABELS[origin] ?? origin : '');
export const originTitle = (origin) => (origin === 'staff' ? '由工作人员指定或确认' : origin === 'auto' ? '由 hetong 自动识别，尚未经人工确认' : '');

export const SEVERITY_LABELS = { high: '高', medium: '中', low: '低' };
export const severityOf = (risk) => (risk && ['high', 'medium', 'low'].includes(risk.severity) ? risk.severity : null);

/** 0.9 → "90%"; anything that is not a number in [0, 1] → "". */
export function formatConfidence(value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) return '';
  return `${Math.round(value * 100)}%`;
}

export const kindLabel = (kind) => (kind ? KIND_LABELS[kind] ?? kind : '');
export const statusLabel = (status) => (status ? STATUS_LABELS[status] ?? status : '');

export function relationLabel(relation, direction) {
  if (!relation) return '关联';
  const table = direction === 'in' ? RELATION_IN : RELATION_OUT;
  return table[relation] ?? relation;
}

/** Title attribute explaining a relation in both directions. */
export function relationTitle(relation, direction) {
  const base = RELATION_OUT[relation] ?? relation ?? '关联';
  return direction === 'in' ? `本文档是该文档的${base} (${relation ?? 'link'}, in)` : `该文档是本文档的${base} (${relation ?? 'link'}, out)`;
}

export function formatSize(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "2024-03-01T08:15:30Z" → "2024-03-01 16:15" in local time; anything unparseable as given. */
export function formatDateTime(value) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const CURRENCY_SYMBOLS = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$', JPY: '¥', GBP: '£' };

/** {value: 100000, currency: "CNY", text: "人民币壹拾万元整"} → "¥100,000.00 CNY（人民币壹拾万元整）". */
export function formatAmount(amount) {
  if (!amount) return '';
  const parts = [];
  if (typeof amount.value === 'number' && Number.isFinite(amount.value)) {
    const number = amount.value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const symbol = CURRENCY_SYMBOLS[amount.currency] ?? '';
    parts.push(`${symbol}${number}${amount.currency ? ' ' + amount.currency : ''}`);
  }
  if (amount.text) parts.push(parts.length ? `（${amount.text}）` : String(amount.text));
  return parts.join('');
}

export function formatCount(n) {
  return typeof n === 'number' ? n.toLocaleString('zh-CN') : '0';
}
