// The "合同族" card of the document view: the contract family a document belongs to (or, for a contract,
// a link to its own family), and the staff actions on that link: confirm, change (assign), remove.

import { getJson, putJson, postJson, deleteJson, isAbort, docPaths } from './api.js';
import { $, el, clear, cssToken, showMessage, clearMessage } from './dom.js';
import { familyRelationLabel, originLabel, originTitle, formatConfidence } from './labels.js';
import { contractHash } from './route.js';

const FAMILY_RELATIONS = new Set(['supplement', 'correspondence', 'record', 'related']);

// The document shown: { id, title, kind, family, memberCount }. onChanged is called after a successful action.
let doc = null;
let onChanged = null;
let busy = false;
let pickerRequest = null;
let wired = false;

/** Number of documents in the family of a contract (itself plus its linked members), from its links. */
function familySize(links) {
  const members = new Set();
  for (const link of Array.isArray(links) ? links : []) {
    if (!link || !link.documentId || link.direction === 'in' || link.origin === 'rejected') continue;
    if (FAMILY_RELATIONS.has(link.relation)) members.add(link.documentId);
  }
  return members.size + 1;
}

export function resetFamilyCard() {
  pickerRequest?.abort();
  pickerRequest = null;
  doc = null;
  busy = false;
  clear($('doc-family-body'));
  closePicker();
  $('doc-family').hidden = true;
}

/** Shows the card for a document answer of GET /api/documents/{id}. changed() runs after each staff action. */
export function renderFamilyCard(documentId, answer, changed) {
  wire();
  const fields = answer.fields ?? {};
  doc = {
    id: documentId,
    title: answer.title || fields.contractTitle || answer.fileName || documentId,
    kind: answer.kind,
    family: answer.family && typeof answer.family === 'object' && answer.family.contractId ? answer.family : null,
    memberCount: familySize(answer.links),
  };
  onChanged = changed;
  draw();
}

function draw() {
  const body = clear($('doc-family-body'));
  const { family } = doc;
  const isContract = doc.kind === 'contract';
  $('doc-family').hidden = false;
  $('doc-family').dataset.state = family ? 'member' : isContract ? 'contract' : 'none';

  if (isContract) {
    body.append(el('p', { className: 'family-own' },
      el('a', { id: 'family-link', className: 'family-link', href: contractHash(doc.id), text: `查看合同族（${doc.memberCount} 份文件）` })));
  }
  if (family) {
    const confidence = formatConfidence(family.confidence);
    body.append(
      el('p', { className: 'family-of' },
        el('span', { className: 'family-of-label', text: '属于：' }),
        el('a', { id: 'family-contract', href: contractHash(family.contractId), text: family.contractTitle || family.contractId })),
      el('dl', { className: 'meta family-meta' },
        el('dt', { text: '关系' }), el('dd', { className: 'family-relation', dataset: { relation: family.relation }, text: familyRelationLabel(family.relation) }),
        family.reason ? [el('dt', { text: '依据' }), el('dd', { className: 'family-reason', text: family.reason })] : null,
        confidence ? [el('dt', { text: '置信度' }), el('dd', { className: 'family-confidence', text: confidence })] : null,
        el('dt', { text: '来源' }),
        el('dd', {}, el('span', { className: 'origin origin-' + cssToken(family.origin), title: originTitle(family.origin) || null, text: originLabel(family.origin) || '—' }))));
  } else if (!isContract) {
    body.append(el('p', { className: 'family-none', text: '未关联到合同' }));
  }

  $('family-confirm').hidden = !family || family.origin !== 'auto';
  $('family-remove').hidden = !family;
  const change = $('family-change');
  change.textContent = family ? '更改…' : isContract ? '关联到其他合同…' : '指定合同…';
  change.title = family ? '改为关联到另一份合同' : '把此文档关联到一份合同';
  setBusy(busy);
}

function setBusy(value) {
  busy = value;
  for (const id of ['family-confirm', 'family-change', 'family-remove', 'family-save']) $(id).disabled = value;
  $('doc-family').setAttribute('aria-busy', value ? 'true' : 'false');
}

/** Runs one staff action; the answer's "family" (when present) replaces the card's state. */
async function act(request, done) {
  if (!doc || busy) return;
  const id = doc.id;
  setBusy(true);
  try {
    const answer = await request(id);
    if (doc?.id !== id) return;
    clearMessage();
    if (answer && 'family' in answer) doc.family = answer.family && answer.family.contractId ? answer.family : null;
    closePicker();
    draw();
    if (done) showMessage(done, 'info');
    onChanged?.();
  } catch (error) {
    if (isAbort(error)) return;
    if (doc?.id === id) showMessage(`操作失败：${error.message}`);
  } finally {
    if (doc?.id === id) setBusy(false);
  }
}

function confirmLink() {
  act((id) => postJson(docPaths.confirmContract(id)), '已确认此关联。');
}

function removeLink() {
  if (!doc?.family) return;
  const contract = doc.family.contractTitle || doc.family.contractId;
  if (!confirm(`确定移除“${doc.title}”与合同“${contract}”的关联吗？\n移除后 hetong 不会再自动建立这一关联。`)) return;
  act((id) => deleteJson(docPaths.contract(id)), '已移除关联。');
}

function save() {
  const contractId = $('family-picker').value;
  if (!contractId) {
    showMessage('请选择一份合同。', 'info');
    $('family-picker').focus();
    return;
  }
  act((id) => putJson(docPaths.contract(id), { contractId }), '已保存关联。');
}

function closePicker() {
  pickerRequest?.abort();
  pickerRequest = null;
  $('family-picker-box').hidden = true;
  $('family-change').setAttribute('aria-expanded', 'false');
}

/** Opens the contract picker, loading the contracts of the archive each time (they change). */
async function openPicker() {
  if (!doc) return;
  if (!$('family-picker-box').hidden) {
    closePicker();
    return;
  }
  const id = doc.id;
  const select = clear($('family-picker'));
  select.append(el('option', { value: '', text: '正在加载合同列表…' }));
  select.disabled = true;
  $('family-save').disabled = true;
  $('family-picker-box').hidden = false;
  $('family-change').setAttribute('aria-expanded', 'true');
  pickerRequest?.abort();
  pickerRequest = new AbortController();
  try {
    const data = await getJson('/api/documents', { kind: 'contract', size: 200 }, pickerRequest.signal);
    if (doc?.id !== id) return;
    const contracts = (Array.isArray(data.documents) ? data.documents : []).filter((c) => c && c.documentId && c.documentId !== id);
    clear(select);
    if (contracts.length === 0) {
      select.append(el('option', { value: '', text: '（档案中没有其他合同）' }));
      return;
    }
    const current = doc.family?.contractId ?? '';
    select.append(el('option', { value: '', text: '— 选择合同 —' }));
    for (const c of contracts) {
      const name = c.title || c.fileName || c.documentId;
      const extra = [c.contractNumber, c.signDate].filter(Boolean).join('，');
      select.append(el('option', { value: c.documentId, text: extra ? `${name}（${extra}）` : name }));
    }
    select.value = contracts.some((c) => c.documentId === current) ? current : '';
    select.disabled = false;
    $('family-save').disabled = busy;
    select.focus();
  } catch (error) {
    if (isAbort(error)) return;
    closePicker();
    showMessage(`无法加载合同列表：${error.message}`);
  }
}

function wire() {
  if (wired) return;
  wired = true;
  $('family-confirm').addEventListener('click', confirmLink);
  $('family-remove').addEventListener('click', removeLink);
  $('family-change').addEventListener('click', openPicker);
  $('family-save').addEventListener('click', save);
  $('family-cancel').addEventListener('click', closePicker);
}
