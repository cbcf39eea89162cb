// The document view: metadata, contract family, related documents, risks and the clause list of one document;
// the PDF preview, the extracted text, delete / restore, and retry for a failed document.

import { getJson, getText, deleteJson, isAbort, docPaths } from './api.js';
import { $, el, clear, cssToken, showMessage, clearMessage } from './dom.js';
import { kindLabel, statusLabel, relationLabel, relationTitle, formatAmount, formatCount, formatSize, formatDateTime } from './labels.js';
import { docHash } from './route.js';
import { retryButton, restoreDocument } from './lists.js';
import { clauseLayout, bodyOf } from './clauses.js';
import { fillRiskList } from './risk-items.js';
import { renderFamilyCard, resetFamilyCard } from './family-card.js';
import { similarButton, similarSourceId } from './similar-panel.js';

const FLASH_MS = 2500;
const OCR_CLAUSE_NOTE = '此条文字由扫描件 OCR 识别，可能有识别错误，请以原件为准';
const PREVIEW_KEY = 'hetong.previewOpen';
let pending = null;
let textRequest = null;
let current = null; // { id, title } of the document shown
let layout = null; // clauseLayout() of the clauses shown
let refreshRequest = null;
let wired = false;

export function cancelDoc() {
  pending?.abort();
  pending = null;
  refreshRequest?.abort();
  refreshRequest = null;
  textRequest?.abort();
  textRequest = null;
}

export async function renderDoc(id, clauseId) {
  wire();
  cancelDoc();
  pending = new AbortController();
  const signal = pending.signal;
  resetView(id);
  try {
    const doc = await getJson(docPaths.json(id), null, signal);
    current = { id, title: doc.title || doc.fileName || id };
    fillView(doc, id);
    if (clauseId) revealClause(clauseId);
  } catch (error) {
    if (isAbort(error)) return;
    $('doc-title').textContent = error.status === 404 ? '未找到文档' : '文档无法加载';
    $('clauses-title').hidden = true;
    clear($('clauses'));
    showMessage(error.message);
  }
}

function resetView(id) {
  $('doc-title').textContent = '正在加载…';
  for (const name of ['doc-kind', 'doc-status', 'doc-ocr']) $(name).textContent = '';
  $('doc-ocr').hidden = true;
  $('doc-ocr-pending').hidden = true;
  $('doc-ocr-pending-text').textContent = '';
  clear($('doc-ocr-pending-actions'));
  clear($('doc-meta'));
  clear($('doc-links'));
  clear($('doc-risks'));
  $('doc-risks-card').hidden = true;
  resetFamilyCard();
  layout = null;
  $('doc-error').hidden = true;
  $('clauses-title').hidden = false;
  clear($('clauses'));
  $('download-original').href = docPaths.original(id);
  $('view-text').href = docPaths.text(id);
  current = null;
  $('doc-deleted').hidden = true;
  $('delete-document').hidden = true;
  $('delete-document').disabled = false;
  $('doc-preview').hidden = true;
  clear($('pdf-frame-box'));
  $('doc-text-section').hidden = true;
  $('doc-text').textContent = '';
  delete $('doc-text').dataset.documentId;
  setTextToggle(false);
}

function fillView(doc, id) {
  const fields = doc.fields ?? {};
  const title = doc.title || fields.contractTitle || doc.fileName || id;
  $('doc-title').textContent = title;
  document.title = `${title} — hetong 合同检索`;
  $('doc-kind').textContent = kindLabel(doc.kind);
  const status = $('doc-status');
  status.textContent = statusLabel(doc.status);
  status.className = 'badge badge-status status-' + cssToken(doc.status);
  renderOcr(doc, id);

  renderMeta(doc, fields);
  renderLinks(Array.isArray(doc.links) ? doc.links : []);
  renderFamilyCard(id, doc, () => refreshFamily(id));
  if (doc.deletedAt) showDeleted(doc.deletedAt);
  else $('delete-document').hidden = false;
  renderPreview(doc, id);

  if (doc.status === 'failed') {
    const box = $('doc-error');
    box.replaceChildren(...[
      el('strong', { text: '文档处理失败：' }),
      el('span', { className: 'doc-error-text', text: doc.error || '未知原因（服务器未提供说明）。' }),
      doc.errorCode ? el('code', { className: 'error-code', text: doc.errorCode }) : null,
      el('p', { className: 'doc-error-hint', text: '原件已保存，可点击“下载原件”查看。' }),
      el('div', { className: 'doc-error-actions' },
        retryButton(id),
        el('span', { className: 'note', text: doc.errorCode === 'needs_ocr'
          ? '服务器装好文字识别（OCR）后，重新识别此扫描件'
          : '重新处理此文件（例如服务器已升级，或问题已排除）' })),
    ].filter(Boolean));
    box.hidden = false;
    $('clauses-title').hidden = true;
    renderRisks(id, doc.risks);
    return;
  }
  renderClauses(Array.isArray(doc.clauses) ? doc.clauses : [], doc.status);
  renderRisks(id, doc.risks);
}

/**
 * OCR: the "OCR 识别 N 页" badge (#doc-ocr) when text was read from scans, and the notice of scanned pages
 * still waiting for OCR (#doc-ocr-pending) with a retry button, which reads the document again.
 */
function renderOcr(doc, id) {
  const pages = Number.isInteger(doc.ocrPages) && doc.ocrPages > 0 ? doc.ocrPages : 0;
  const pendingPages = Number.isInteger(doc.ocrPendingPages) && doc.ocrPendingPages > 0 ? doc.ocrPendingPages : 0;
  const badge = $('doc-ocr');
  const ocr = doc.ocr === true || pages > 0;
  badge.textContent = !ocr ? '' : pages > 0 ? `OCR 识别 ${formatCount(pages)} 页` : 'OCR 识别';
  badge.hidden = !ocr;
  if (pendingPages === 0 || doc.status === 'failed') return;
  $('doc-ocr-pending-text').textContent = `${formatCount(pendingPages)} 页扫描页待 OCR：入库时服务器无法进行文字识别，`
    + '这些页面的文字尚未收录，检索不到。服务器装好 OCR 后，点击“重试”或由管理员运行 hetong ocr 即可补上。';
  $('doc-ocr-pending-actions').append(retryButton(id));
  $('doc-ocr-pending').hidden = false;
}

/** After a staff action on the family link: the links and risks of the document may have changed. */
async function refreshFamily(id) {
  refreshRequest?.abort();
  refreshRequest = new AbortController();
  try {
    const doc = await getJson(docPaths.json(id), null, refreshRequest.signal);
    if (current?.id !== id) return;
    renderLinks(Array.isArray(doc.links) ? doc.links : []);
    renderFamilyCard(id, doc, () => refreshFamily(id));
    renderRisks(id, doc.risks);
  } catch (error) {
    if (isAbort(error)) return;
    showMessage(`无法刷新关联文档：${error.message}`);
  }
}

function renderMeta(doc, fields) {
  const meta = clear($('doc-meta'));
  const parties = Array.isArray(fields.parties) ? fields.parties.filter(Boolean) : [];
  const partyList = parties.length === 0 ? null : el('ul', { className: 'parties' },
    parties.map((p) => el('li', {},
      p.role ? el('span', { className: 'party-role', text: p.role }) : null,
      el('span', { className: 'party-name', text: p.name ?? '' }))));
  const rows = [
    ['文件名', doc.fileName],
    ['类别', kindLabel(doc.kind)],
    ['状态', statusLabel(doc.status)],
    ['合同名称', fields.contractTitle && fields.contractTitle !== doc.title ? fields.contractTitle : null],
    ['合同编号', fields.contractNumber],
    ['当事方', partyList],
    ['签订日期', fields.signDate],
    ['生效日期', fields.effectiveDate],
    ['到期日期', fields.expiryDate],
    ['金额', formatAmount(fields.amount)],
    ['大小', formatSize(doc.sizeBytes)],
    ['格式', doc.mediaType],
  ];
  for (const [name, value] of rows) {
    // The first block of fields is always listed (with "—" when unknown); size and format only when present.
    const optional = name === '合同名称' || name === '大小' || name === '格式';
    if (optional && !value) continue;
    meta.append(el('dt', { text: name }),
      el('dd', { className: value ? null : 'unknown' }, value || '—'));
  }
}

function renderLinks(links) {
  const list = clear($('doc-links'));
  const valid = links.filter((link) => link && link.documentId);
  if (valid.length === 0) {
    list.append(el('li', { className: 'none', text: '无关联文档' }));
    return;
  }
  for (const link of valid) {
    // A family link that staff removed is kept (origin "rejected") so that hetong does not make it again.
    const rejected = link.origin === 'rejected';
    list.append(el('li', { className: 'doc-link' + (rejected ? ' link-rejected' : ''), dataset: { relation: link.relation, direction: link.direction, origin: link.origin } },
      el('span', { className: 'link-relation', title: relationTitle(link.relation, link.direction),
        text: relationLabel(link.relation, link.direction) }),
      el('a', { href: docHash(link.documentId), text: link.title || link.documentId }),
      rejected ? el('span', { className: 'link-removed', title: 'hetong 不会再自动建立这一关联', text: '已移除' }) : null,
      link.reason ? el('span', { className: 'link-reason', text: link.reason }) : null));
  }
}

/** The risk flags of the document; a risk that names a clause (clauseOrdinal) links to it when it is on the page. */
function renderRisks(id, risks) {
  const clauseHref = (risk) => {
    if (!Number.isInteger(risk?.clauseOrdinal) || !layout) return null;
    const clauseId = `${id}-${risk.clauseOrdinal}`;
    return layout.shownFor(clauseId) ? docHash(id, clauseId) : null;
  };
  const count = fillRiskList($('doc-risks'), Array.isArray(risks) ? risks : [], clauseHref);
  $('doc-risks-card').hidden = count === 0;
}

function renderClauses(clauses, status) {
  const box = clear($('clauses'));
  if (clauses.length === 0) {
    const waiting = status === 'queued' || status === 'processing';
    box.append(el('p', { className: 'empty', text: waiting ? '文档正在处理，条款尚未生成，请稍后刷新。' : '此文档未识别出条款，可点击“查看全文”。' }));
    return;
  }
  // Sub-items of a shown clause and chapter headings: see clauseLayout().
  layout = clauseLayout(clauses);
  const documentId = current?.id;
  for (const { clause, headingOnly, level } of layout.shown) {
    // Precedents exist for the clauses in the search index (not for chapter headings or unindexed parts).
    const withSimilar = !headingOnly && clause.searchable !== false && clause.clauseId && documentId;
    const similar = withSimilar ? similarButton(() => ({
      clauseId: clause.clauseId, documentId, documentTitle: current?.title ?? null, number: clause.number, heading: clause.heading,
    })) : null;
    const node = el('div', { className: `clause level-${level}` + (headingOnly ? ' clause-container' : ''), dataset: { clauseId: clause.clauseId } },
      el('div', { className: 'clause-head' },
        el('span', { className: 'clause-number', text: clause.number ?? '' }),
        el('span', { className: 'clause-heading', text: clause.heading ?? '' }),
        el('span', { className: 'clause-type', text: headingOnly ? '' : (clause.clauseType ?? '') }),
        clause.secondaryType && !headingOnly ? el('span', { className: 'clause-secondary-type', title: '次要类型 (secondary type)', text: clause.secondaryType }) : null,
        clause.ocr === true && !headingOnly ? el('span', { className: 'clause-ocr', title: OCR_CLAUSE_NOTE, text: 'OCR' }) : null,
        similar),
      headingOnly ? null : el('div', { className: 'clause-text', text: bodyOf(clause) }));
    if (withSimilar && similarSourceId() === clause.clauseId) node.classList.add('similar-source');
    box.append(node);
  }
}

function revealClause(clauseId) {
  // A sub-item is shown inside the clause that holds it.
  const shownId = layout?.shownFor(clauseId) ?? clauseId;
  const target = [...document.querySelectorAll('#clauses .clause')].find((node) => node.dataset.clauseId === shownId);
  if (!target) {
    showMessage('未在此文档中找到该条款，可能已重新索引。', 'info');
    return;
  }
  target.scrollIntoView({ block: 'center' });
  target.classList.add('flash');
  setTimeout(() => target.classList.remove('flash'), FLASH_MS);
}

// ---------------------------------------------------------------------------------------------
// PDF preview, extracted text, delete and restore.

function isPdf(mediaType) {
  return typeof mediaType === 'string' && /^application\/pdf\b/i.test(mediaType.trim());
}

/** A new frame per document: changing the src of an existing frame would add browser history entries. */
function renderPreview(doc, id) {
  const box = clear($('pdf-frame-box'));
  const details = $('doc-preview');
  if (!isPdf(doc.mediaType)) {
    details.hidden = true;
    return;
  }
  box.append(el('iframe', { id: 'pdf-frame', className: 'pdf-frame', src: docPaths.inline(id), title: '原件预览（PDF）', loading: 'lazy' }));
  details.open = readPreviewOpen();
  details.hidden = false;
}

function readPreviewOpen() {
  try {
    return sessionStorage.getItem(PREVIEW_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberPreviewOpen(open) {
  try {
    sessionStorage.setItem(PREVIEW_KEY, open ? '1' : '0');
  } catch {
    // Storage may be disabled.
  }
}

function setTextToggle(open) {
  const button = $('toggle-text');
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  button.textContent = open ? '隐藏文本' : '显示文本';
}

async function toggleText() {
  const section = $('doc-text-section');
  const pre = $('doc-text');
  const id = current?.id;
  if (!id) return;
  if (!section.hidden) {
    section.hidden = true;
    setTextToggle(false);
    return;
  }
  section.hidden = false;
  setTextToggle(true);
  if (pre.dataset.documentId === id) return;
  textRequest?.abort();
  textRequest = new AbortController();
  const signal = textRequest.signal;
  pre.textContent = '正在加载…';
  pre.classList.add('loading');
  try {
    const text = await getText(docPaths.text(id), signal);
    if (current?.id !== id) return;
    pre.textContent = text || '（没有提取出文字）';
    pre.dataset.documentId = id;
  } catch (error) {
    if (isAbort(error)) return;
    pre.textContent = '';
    section.hidden = true;
    setTextToggle(false);
    showMessage(error.message);
  } finally {
    pre.classList.remove('loading');
  }
}

function showDeleted(deletedAt) {
  const when = formatDateTime(deletedAt);
  $('doc-deleted-text').textContent = when && deletedAt !== true ? `已移入回收站（删除于 ${when}），不会出现在检索结果中。` : '已移入回收站，不会出现在检索结果中。';
  $('doc-deleted').hidden = false;
  $('restore-document').disabled = false;
  $('delete-document').hidden = true;
}

async function deleteCurrent() {
  if (!current) return;
  const { id, title } = current;
  if (!confirm(`确定删除“${title}”吗？\n文档将移入回收站，可随时恢复。`)) return;
  const button = $('delete-document');
  button.disabled = true;
  try {
    const result = await deleteJson(docPaths.json(id));
    if (current?.id !== id) return;
    clearMessage();
    showDeleted(result.deletedAt ?? true);
  } catch (error) {
    showMessage(`删除失败：${error.message}`);
  } finally {
    button.disabled = false;
  }
}

async function restoreCurrent() {
  if (!current) return;
  const { id } = current;
  const button = $('restore-document');
  button.disabled = true;
  const ok = await restoreDocument(id);
  button.disabled = false;
  if (!ok || current?.id !== id) return;
  $('doc-deleted').hidden = true;
  $('delete-document').hidden = false;
  showMessage('文档已恢复。', 'info');
}

function wire() {
  if (wired) return;
  wired = true;
  $('toggle-text').addEventListener('click', toggleText);
  $('delete-document').addEventListener('click', deleteCurrent);
  $('restore-document').addEventListener('click', restoreCurrent);
  $('doc-preview').addEventListener('toggle', (event) => rememberPreviewOpen(event.target.open));
}
