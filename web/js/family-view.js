// The contract family view (#/contract/{id}): a contract with its supplements, correspondence and records
// as a timeline, and its clauses "as amended" — each clause with the supplement clauses that change it.

import { getJson, isAbort, contractPath, docPaths } from './api.js';
import { $, el, clear, cssToken, showMessage } from './dom.js';
import {
  kindLabel, statusLabel, familyRelationLabel, originLabel, originTitle, formatConfidence, formatAmount, formatCount,
} from './labels.js';
import { docHash } from './route.js';
import { clauseLayout, bodyOf } from './clauses.js';
import { fillRiskList } from './risk-items.js';

const APP_TITLE = 'hetong 合同检索';
const FLASH_MS = 2500;
const ACTIONS = ['modify', 'delete', 'add'];
const ACTION_LABELS = { modify: '修改', delete: '删除', add: '新增' };
let pending = null;

export function cancelFamily() {
  pending?.abort();
  pending = null;
}

export async function renderFamily(id) {
  cancelFamily();
  pending = new AbortController();
  const signal = pending.signal;
  reset(id);
  try {
    const data = await getJson(contractPath(id), null, signal);
    fill(id, data);
  } catch (error) {
    if (isAbort(error)) return;
    $('family-title').textContent = error.status === 404 ? '未找到此合同' : '合同族无法加载';
    $('family-body').hidden = true;
    $('family-error').hidden = false;
    $('family-error-doc').href = docHash(id);
    showMessage(error.message);
  }
}

function reset(id) {
  $('family-title').textContent = '正在加载…';
  $('family-number').textContent = '';
  $('family-status').textContent = '';
  $('family-open-doc').href = docHash(id);
  $('family-download').href = docPaths.original(id);
  $('family-body').hidden = false;
  $('family-error').hidden = true;
  for (const name of ['family-meta', 'family-risks', 'family-timeline', 'family-clauses', 'family-added', 'family-changes']) clear($(name));
  $('family-risks-card').hidden = true;
  $('family-changes-card').hidden = true;
  $('family-added-section').hidden = true;
  $('family-timeline-count').textContent = '';
  $('family-clauses').classList.remove('empty-box');
}

function fill(id, data) {
  const summary = data.contract ?? {};
  const fields = data.fields ?? {};
  const contractId = summary.documentId || id;
  const title = summary.title || fields.contractTitle || summary.fileName || contractId;
  $('family-title').textContent = title;
  document.title = `${title} — 合同族 — ${APP_TITLE}`;
  $('family-number').textContent = fields.contractNumber || summary.contractNumber || '';
  const status = $('family-status');
  status.textContent = summary.status && summary.status !== 'indexed' ? statusLabel(summary.status) : '';
  status.className = 'badge badge-status status-' + cssToken(summary.status);

  const documents = (Array.isArray(data.documents) ? data.documents : []).filter((d) => d && d.documentId);
  const clauses = Array.isArray(data.clauses) ? data.clauses : [];
  const added = (Array.isArray(data.addedClauses) ? data.addedClauses : []).filter(Boolean).sort(byDate);

  renderMeta(summary, fields, documents);
  renderRisks(contractId, data.risks);
  renderTimeline(documents, clauses, added);
  const amended = renderClauses(contractId, clauses);
  renderAdded(added);
  renderChanges(amended, added);
}

// ---------------------------------------------------------------------------------------------
// Summary

function renderMeta(summary, fields, documents) {
  const meta = clear($('family-meta'));
  const parties = (Array.isArray(fields.parties) && fields.parties.length ? fields.parties : summary.parties ?? [])
    .map((p) => (typeof p === 'string' ? { name: p } : p)).filter((p) => p && p.name);
  const partyList = parties.length === 0 ? null : el('ul', { className: 'parties' },
    parties.map((p) => el('li', {},
      p.role ? el('span', { className: 'party-role', text: p.role }) : null,
      el('span', { className: 'party-name', text: p.name }))));
  const count = (kind) => documents.filter((d) => d.relation === kind).length;
  const members = [
    ['补充协议', count('supplement')], ['往来函件', count('correspondence')], ['附件记录', count('record')], ['相关', count('related')],
  ].filter(([, n]) => n > 0).map(([name, n]) => `${name} ${n}`).join('，');
  const rows = [
    ['合同编号', fields.contractNumber || summary.contractNumber],
    ['当事方', partyList],
    ['签订日期', fields.signDate || summary.signDate],
    ['生效日期', fields.effectiveDate],
    ['到期日期', fields.expiryDate],
    ['金额', formatAmount(fields.amount)],
    ['文件', `共 ${formatCount(documents.length)} 份` + (members ? `（${members}）` : '')],
  ];
  for (const [name, value] of rows) {
    meta.append(el('dt', { text: name }), el('dd', { className: value ? null : 'unknown' }, value || '—'));
  }
}

function renderRisks(contractId, risks) {
  const clauseHref = (risk) => (Number.isInteger(risk?.clauseOrdinal) ? docHash(contractId, `${contractId}-${risk.clauseOrdinal}`) : null);
  const count = fillRiskList($('family-risks'), Array.isArray(risks) ? risks : [], clauseHref);
  $('family-risks-card').hidden = count === 0;
}

// ---------------------------------------------------------------------------------------------
// Timeline

function renderTimeline(documents, clauses, added) {
  const list = clear($('family-timeline'));
  // How many clause changes each supplement makes.
  const changes = new Map();
  const countChange = (a) => a?.documentId && changes.set(a.documentId, (changes.get(a.documentId) ?? 0) + 1);
  for (const clause of clauses) for (const a of clause?.amendments ?? []) countChange(a);
  for (const a of added) countChange(a);

  $('family-timeline-count').textContent = `${formatCount(documents.length)} 份文件`;
  for (const d of documents) {
    const isContract = d.relation === 'contract';
    const confidence = formatConfidence(d.confidence);
    const changed = changes.get(d.documentId) ?? 0;
    const note = isContract ? null : el('div', { className: 'member-note' },
      d.reason ? el('span', { className: 'member-reason', title: '关联依据', text: d.reason }) : null,
      confidence ? el('span', { className: 'member-confidence', title: '置信度 (confidence)', text: `置信度 ${confidence}` }) : null,
      d.origin ? el('span', { className: 'origin origin-' + cssToken(d.origin), title: originTitle(d.origin) || null, text: originLabel(d.origin) }) : null);
    list.append(el('li', {
      className: 'family-member' + (isContract ? ' is-contract' : ''),
      dataset: { documentId: d.documentId, relation: d.relation },
    },
    el('span', { className: 'member-date' + (d.date ? '' : ' unknown'), title: d.date ? null : '日期不详', text: d.date || '日期不详' }),
    el('div', { className: 'member-body' },
      el('div', { className: 'member-head' },
        el('span', { className: 'member-relation relation-' + cssToken(d.relation), text: familyRelationLabel(d.relation) }),
        el('a', { className: 'member-title', href: docHash(d.documentId), text: d.title || d.fileName || d.documentId }),
        d.kind && kindLabel(d.kind) !== familyRelationLabel(d.relation)
          ? el('span', { className: 'badge member-kind', title: '文档类别', text: kindLabel(d.kind) }) : null,
        d.status && d.status !== 'indexed' ? el('span', { className: 'status status-' + cssToken(d.status), text: statusLabel(d.status) }) : null,
        changed ? el('span', { className: 'member-changes', text: `变更 ${changed} 处条款` }) : null),
      note && note.childElementCount ? note : null)));
  }
  if (documents.length === 0) list.append(el('li', { className: 'none', text: '没有文件' }));
}

// ---------------------------------------------------------------------------------------------
// Clauses as amended

function byDate(a, b) {
  return String(a?.date ?? '').localeCompare(String(b?.date ?? ''));
}

function actionOf(amendment) {
  return ACTIONS.includes(amendment?.action) ? amendment.action : 'modify';
}

/** One change made by a supplement clause: date, action, target, the supplement (linked to that clause), text. */
function amendmentItem(a) {
  const action = actionOf(a);
  return el('li', { className: 'amendment action-' + action, dataset: { action, documentId: a.documentId, clauseId: a.clauseId } },
    el('div', { className: 'amendment-head' },
      el('span', { className: 'amendment-date' + (a.date ? '' : ' unknown'), text: a.date || '日期不详' }),
      el('span', { className: 'amendment-action action-' + action, text: a.actionLabel || ACTION_LABELS[action] }),
      a.target ? el('span', { className: 'amendment-target', text: a.target }) : null,
      el('a', {
        className: 'amendment-source',
        href: docHash(a.documentId, a.clauseId),
        title: '查看补充协议中的这一条',
        text: a.documentTitle || a.documentId || '补充协议',
      })),
    a.text ? el('div', { className: 'amendment-text', text: a.text }) : null);
}

/** Renders the clauses; returns [{clause, amendments}] of the clauses shown with changes, in order. */
function renderClauses(contractId, clauses) {
  const box = clear($('family-clauses'));
  if (clauses.length === 0) {
    box.classList.add('empty-box');
    box.append(el('p', { className: 'empty', text: '此合同未识别出条款。' }));
    return [];
  }
  const layout = clauseLayout(clauses);
  // Amendments of a sub-item that is not shown on its own belong to the clause that holds it.
  const amendmentsOf = new Map();
  for (const clause of clauses) {
    const list = (Array.isArray(clause?.amendments) ? clause.amendments : []).filter(Boolean);
    if (list.length === 0) continue;
    const target = layout.shownFor(clause.clauseId) ?? clause.clauseId;
    amendmentsOf.set(target, [...(amendmentsOf.get(target) ?? []), ...list]);
  }
  const amended = [];
  for (const { clause, headingOnly, level } of layout.shown) {
    const amendments = (amendmentsOf.get(clause.clauseId) ?? []).slice().sort(byDate);
    const actions = new Set(amendments.map(actionOf));
    const badge = amendments.length === 0 ? null : el('span', {
      className: 'amended-badge' + (actions.size === 1 && actions.has('delete') ? ' amended-delete' : ''),
      title: `此条款被 ${amendments.length} 处补充约定变更`,
      text: actions.size === 1 && actions.has('delete') ? '已删改' : '已修订',
    });
    if (amendments.length) amended.push({ clause, amendments });
    box.append(el('div', {
      className: `family-clause level-${level}` + (headingOnly ? ' clause-container' : '') + (amendments.length ? ' amended' : ''),
      dataset: { clauseId: clause.clauseId },
    },
    el('div', { className: 'clause-head' },
      clause.number ? el('a', { className: 'clause-number', href: docHash(contractId, clause.clauseId), title: '在合同原文中查看', text: clause.number }) : null,
      el('span', { className: 'clause-heading', text: clause.heading ?? '' }),
      el('span', { className: 'clause-type', text: headingOnly ? '' : (clause.clauseType ?? '') }),
      badge),
    headingOnly ? null : el('div', { className: 'clause-text', text: bodyOf(clause) }),
    amendments.length ? el('ul', { className: 'amendments', 'aria-label': '变更' }, amendments.map(amendmentItem)) : null));
  }
  return amended;
}

function renderAdded(added) {
  const list = clear($('family-added'));
  for (const a of added) list.append(amendmentItem({ ...a, action: a.action ?? 'add' }));
  $('family-added-section').hidden = added.length === 0;
}

/** Side card: every changed clause, in contract order, as a button that scrolls to it. */
function renderChanges(amended, added) {
  const list = clear($('family-changes'));
  const jump = (label, detail, find) => {
    const button = el('button', { type: 'button', className: 'change-jump' },
      el('span', { className: 'change-label', text: label }),
      detail ? el('span', { className: 'change-detail', text: detail }) : null);
    button.addEventListener('click', () => reveal(find()));
    return el('li', {}, button);
  };
  for (const { clause, amendments } of amended) {
    const detail = [...new Set(amendments.map((a) => a.actionLabel || ACTION_LABELS[actionOf(a)]))].join('、');
    const id = clause.clauseId;
    list.append(jump([clause.number, clause.heading].filter(Boolean).join(' ') || '条款', detail,
      () => [...$('family-clauses').querySelectorAll('.family-clause')].find((node) => node.dataset.clauseId === id)));
  }
  added.forEach((a, index) => {
    list.append(jump(a.target || '新增条款', a.actionLabel || '新增', () => $('family-added').children[index]));
  });
  $('family-changes-card').hidden = list.childElementCount === 0;
}

function reveal(node) {
  if (!node) return;
  node.scrollIntoView({ block: 'start', behavior: 'smooth' });
  node.classList.add('flash');
  setTimeout(() => node.classList.remove('flash'), FLASH_MS);
}
