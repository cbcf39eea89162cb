// The risk list (#/risks): contracts with risk flags (missing clause types, expiry, auto-renewal), filtered by risk.

import { getJson, isAbort, RISKS_PATH } from './api.js';
import { $, el, clear, showMessage } from './dom.js';
import { kindLabel, formatCount } from './labels.js';
import { docHash, contractHash, risksHash } from './route.js';
import { renderPager, table, emptyNote } from './lists.js';
import { riskBadge } from './risk-items.js';

const PAGE_SIZE = 50;
let pending = null;
let wired = false;

export function cancelRisks() {
  pending?.abort();
  pending = null;
}

export async function renderRisks(state) {
  wire();
  fillFilter(state.risk);
  cancelRisks();
  pending = new AbortController();
  const signal = pending.signal;
  const list = $('risks-list');
  list.setAttribute('aria-busy', 'true');
  $('risks-total').textContent = '正在加载…';
  try {
    const data = await getJson(RISKS_PATH, { risk: state.risk, page: state.page, size: PAGE_SIZE }, signal);
    render(data, state);
  } catch (error) {
    if (isAbort(error)) return;
    $('risks-total').textContent = '';
    clear(list);
    $('risks-pager').hidden = true;
    showMessage(error.message);
  } finally {
    if (!signal.aborted) list.removeAttribute('aria-busy');
  }
}

/** Selects the filter; a value from a link that is not among the options (e.g. missing:保密) gets its own option. */
function fillFilter(risk) {
  const select = $('risk-filter');
  for (const option of [...select.options]) if (option.dataset.extra) option.remove();
  const value = risk ?? '';
  if (![...select.options].some((o) => o.value === value)) {
    const label = value.startsWith('missing:') ? `缺少「${value.slice('missing:'.length)}」条款` : value;
    select.append(el('option', { value, dataset: { extra: '1' }, text: label }));
  }
  select.value = value;
}

function wire() {
  if (wired) return;
  wired = true;
  $('risk-filter').addEventListener('change', () => {
    const hash = risksHash({ risk: $('risk-filter').value || null, page: 1 });
    if (location.hash !== hash) location.hash = hash;
  });
}

function partyNames(doc) {
  const parties = Array.isArray(doc.parties) ? doc.parties : [];
  const names = parties.map((p) => (typeof p === 'string' ? p : p?.name)).filter(Boolean);
  return [...new Set(names)].join('、');
}

function render(data, state) {
  const total = typeof data.total === 'number' ? data.total : 0;
  const contracts = Array.isArray(data.contracts) ? data.contracts.filter((c) => c && c.documentId) : [];
  $('risks-total').textContent = state.risk ? `有此风险的合同共 ${formatCount(total)} 份` : `有风险提示的合同共 ${formatCount(total)} 份`;
  const list = clear($('risks-list'));
  if (contracts.length === 0) {
    list.append(emptyNote(state.page > 1 && total > 0 ? '这一页没有合同，请返回上一页。'
      : state.risk ? '没有合同有此风险。' : '没有发现有风险的合同。'));
  } else {
    const body = el('tbody');
    for (const c of contracts) {
      const risks = (Array.isArray(c.risks) ? c.risks : []).filter(Boolean);
      const parties = partyNames(c);
      const messages = risks.map((r) => (typeof r === 'string' ? r : r.message)).filter(Boolean);
      body.append(el('tr', { className: 'risk-row', dataset: { documentId: c.documentId } },
        el('td', { className: 'doc-title-cell' },
          el('a', { className: 'risk-contract', href: contractHash(c.documentId), title: '查看合同族', text: c.title || c.fileName || c.documentId }),
          el('span', { className: 'sub' },
            c.kind && c.kind !== 'contract' ? `${kindLabel(c.kind)} · ` : null,
            el('a', { className: 'risk-doc', href: docHash(c.documentId), text: '合同原文' }))),
        el('td', { className: 'contract-number', text: c.contractNumber ?? '' }),
        el('td', { className: 'parties-cell', title: parties || null, text: parties }),
        el('td', { className: 'num', text: c.signDate ?? '' }),
        el('td', { className: 'risks-cell' },
          el('div', { className: 'risk-badges' }, risks.map(riskBadge)),
          messages.length ? el('ul', { className: 'risk-messages' }, messages.map((m) => el('li', { text: m }))) : null)));
    }
    list.append(table('risks-table', 'risks-table', [['合同'], ['合同编号'], ['当事方'], ['签订日期', 'num'], ['风险']], body));
  }
  renderPager($('risks-pager'), total, state.page, PAGE_SIZE, (page) => risksHash({ ...state, page }));
}
