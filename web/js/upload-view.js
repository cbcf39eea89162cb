// The upload view (#/upload, #/upload/{jobId}): drop or pick files and folders, send them in batches,
// and follow the server's processing of every file (including ZIP entries and mail attachments).
//
// One drop or pick is one upload job. The first batch starts the job (POST /api/uploads?expect=N),
// later batches join it (POST /api/uploads/{jobId}); progress comes from GET /api/uploads/{jobId}?since=V,
// which lists only the items changed since version V. Rows are kept in a Map by seq and updated in place;
// DOM work is batched into animation frames with a time budget so that thousands of rows stay smooth.

import { getJson, postForm, isAbort, uploadPaths } from './api.js';
import { $, el, clear, cssToken, showMessage } from './dom.js';
import { statusLabel, jobStateLabel, formatCount, formatDateTime, formatSize } from './labels.js';
import { docHash, uploadHash } from './route.js';

const MAX_BATCH_FILES = 100;
const MAX_BATCH_BYTES = 50 * 1024 * 1024;
const POLL_MS = 1000;
const POLL_MAX_MS = 5000;
const FRAME_BUDGET_MS = 12;
const JOBS_SHOWN = 10;

/** Files an operating system leaves in folders; they are never contracts. */
function isJunk(path) {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  return parts.includes('__MACOSX') || /^(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(base) || base.startsWith('~$');
}

// ---------------------------------------------------------------------------------------------
// Rendering scheduler: one flush per frame for all jobs, with a time budget per frame.

const dirtyJobs = new Set();
let flushScheduled = false;

function scheduleFlush(job) {
  dirtyJobs.add(job);
  if (flushScheduled) return;
  flushScheduled = true;
  let ran = false;
  const run = () => {
    if (ran) return;
    ran = true;
    flushScheduled = false;
    flushAll();
  };
  requestAnimationFrame(run);
  // Frames stop in background tabs; the timer keeps the table (and the bar) moving there too.
  setTimeout(run, 250);
}

function flushAll() {
  const deadline = performance.now() + FRAME_BUDGET_MS;
  for (const job of [...dirtyJobs]) {
    const finished = job.flushRows(deadline);
    if (job === shown) job.renderSummary();
    if (finished) dirtyJobs.delete(job);
  }
  if (dirtyJobs.size > 0) {
    const next = dirtyJobs.values().next().value;
    scheduleFlush(next);
  }
}

// ---------------------------------------------------------------------------------------------

const STATUS_KNOWN = new Set(['pending', 'sending', 'queued', 'processing', 'stored', 'duplicate', 'failed', 'cancelled']);

class UploadJob {
  /** local: this page sends the files; otherwise the job is only watched. */
  constructor(jobId, local) {
    this.jobId = jobId ?? null;
    this.local = local;
    this.body = el('tbody', { role: 'rowgroup' });
    this.bySeq = new Map();
    this.byName = new Map();
    this.queue = new Set(); // rows whose DOM is out of date, in creation order
    this.localRows = []; // the picked files, in sending order
    this.rowCount = 0;
    this.server = null; // last progress answer (counts)
    this.state = null;
    this.version = null;
    this.complete = false;
    this.cancelled = false;
    // Local sending.
    this.fileCount = 0;
    this.unsent = 0;
    this.acked = 0;
    this.ackedAtPoll = 0; // acked when the last progress request was sent
    this.localFailed = 0;
    this.localCancelled = 0;
    this.failedBatches = 0;
    this.bytesTotal = 0;
    this.bytesDone = 0;
    this.bytesInFlight = 0;
    this.allSent = !local;
    this.controller = null;
    // Polling.
    this.pollTimer = null;
    this.pollController = null;
    this.pollDelay = POLL_MS;
    this.pollErrorShown = false;
    this.stopped = false;
  }

  // ----- rows -----

  addRow(name, sizeBytes, file) {
    const row = {
      name: String(name ?? ''), sizeBytes: typeof sizeBytes === 'number' ? sizeBytes : null, file: file ?? null,
      seq: null, version: null, status: 'pending', error: null, errorCode: null, documentId: null, progress: null,
      index: null, children: 0, tr: null, cells: null, shown: {}, parent: null, tail: null,
    };
    // "a.zip!/b/c.docx" belongs under "a.zip": its row goes after that row's last descendant
    // and is numbered below it (3.1, 3.2, …).
    const bang = row.name.lastIndexOf('!/');
    if (bang > 0) row.parent = this.byName.get(row.name.slice(0, bang)) ?? null;
    row.index = row.parent ? `${row.parent.index}.${++row.parent.children}` : String(++this.rowCount);
    if (!this.byName.has(row.name)) this.byName.set(row.name, row);
    this.touch(row);
    return row;
  }

  touch(row) {
    this.queue.add(row);
    scheduleFlush(this);
  }

  setSeq(row, seq) {
    if (seq == null || row.seq != null) return;
    row.seq = seq;
    this.bySeq.set(seq, row);
  }

  /** Applies one item of a server answer to its row (found by seq, else by name, else a new row). */
  applyItem(item, row) {
    if (!item || typeof item !== 'object') return;
    let target = row ?? (item.seq != null ? this.bySeq.get(item.seq) : undefined);
    if (!target && item.name != null) {
      const byName = this.byName.get(String(item.name));
      if (byName && byName.seq == null && !byName.localDone) target = byName;
    }
    if (!target) target = this.addRow(item.name ?? `#${item.seq ?? '?'}`, item.sizeBytes, null);
    this.setSeq(target, item.seq);
    // Answers can cross (a progress answer may arrive before the 202 of the same files): never go back.
    if (typeof item.version === 'number') {
      if (typeof target.version === 'number' && item.version < target.version) return;
      target.version = item.version;
    }
    if (typeof item.status === 'string' && item.status) target.status = item.status;
    target.error = typeof item.error === 'string' && item.error ? item.error : null;
    target.errorCode = typeof item.errorCode === 'string' && item.errorCode ? item.errorCode : null;
    // While a file is processed: how far it is, e.g. "OCR 3/12 页" (or "a.pdf：OCR 3/12 页" for a ZIP entry).
    target.progress = typeof item.progress === 'string' && item.progress ? item.progress : null;
    target.documentId = item.documentId != null && item.documentId !== '' ? String(item.documentId) : null;
    if (typeof item.sizeBytes === 'number') target.sizeBytes = item.sizeBytes;
    target.file = null;
    this.touch(target);
  }

  /** Creates or updates DOM rows until the deadline; true when nothing is left. */
  flushRows(deadline) {
    for (const row of this.queue) {
      if (performance.now() > deadline) return false;
      this.queue.delete(row);
      this.renderRow(row);
    }
    return true;
  }

  renderRow(row) {
    if (!row.tr) this.createRow(row);
    const { shown, cells, tr } = row;
    if (shown.seq !== row.seq && row.seq != null) {
      tr.dataset.seq = String(row.seq);
      shown.seq = row.seq;
    }
    if (shown.status !== row.status || shown.progress !== row.progress) {
      const status = STATUS_KNOWN.has(row.status) ? row.status : cssToken(row.status);
      // The server's progress text (OCR pages) takes the place of "处理中" while it is there.
      cells.status.textContent = row.progress ?? (statusLabel(row.status) || row.status);
      cells.status.className = 'item-status status-' + status + (row.progress ? ' item-progress' : '');
      if (row.progress) cells.status.title = `${statusLabel(row.status) || row.status}：${row.progress}`;
      else cells.status.removeAttribute('title');
      tr.dataset.status = status;
      shown.status = row.status;
      shown.progress = row.progress;
    }
    if (shown.error !== row.error || shown.errorCode !== row.errorCode) {
      cells.error.replaceChildren();
      if (row.error) cells.error.append(row.error);
      if (row.errorCode) cells.error.append(el('code', { className: 'error-code', text: row.errorCode }));
      shown.error = row.error;
      shown.errorCode = row.errorCode;
    }
    if (shown.sizeBytes !== row.sizeBytes) {
      cells.size.textContent = formatSize(row.sizeBytes);
      shown.sizeBytes = row.sizeBytes;
    }
    const docId = row.status === 'stored' || row.status === 'duplicate' ? row.documentId : null;
    if (shown.documentId !== docId) {
      cells.doc.replaceChildren();
      if (docId) cells.doc.append(el('a', { className: 'item-doc-link', href: docHash(docId), text: row.status === 'duplicate' ? '已有文档' : '查看' }));
      shown.documentId = docId;
    }
  }

  createRow(row) {
    const cells = {
      index: el('td', { className: 'num item-index', role: 'cell', text: String(row.index) }),
      name: el('td', { className: 'item-name', role: 'cell', title: row.name, text: row.name }),
      size: el('td', { className: 'num item-size', role: 'cell' }),
      status: el('td', { className: 'item-status', role: 'cell' }),
      error: el('td', { className: 'item-error', role: 'cell' }),
      doc: el('td', { className: 'item-doc', role: 'cell' }),
    };
    const tr = el('tr', { className: 'upload-item' + (row.parent ? ' upload-child' : ''), role: 'row', dataset: { name: row.name } },
      cells.index, cells.name, cells.size, cells.status, cells.error, cells.doc);
    row.tr = tr;
    row.cells = cells;
    const parent = row.parent;
    const after = parent?.tr ? (parent.tail ?? parent) : null;
    if (after?.tr && after.tr.parentNode === this.body) {
      after.tr.after(tr);
      // Every ancestor whose subtree ended at the same row now ends at this one.
      for (let p = parent; p; p = p.parent) {
        if ((p.tail ?? p) === after) p.tail = row;
      }
    } else {
      this.body.append(tr);
    }
  }

  // ----- counts -----

  counts() {
    const s = this.server ?? {};
    const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    let stored = num(s.stored);
    let duplicate = num(s.duplicate);
    let failed = num(s.failed);
    let queued = num(s.queued);
    let processing = num(s.processing);
    let serverTotal = num(s.total);
    if (this.server && typeof s.stored !== 'number') {
      // An older server reports only total/done/failed: count the rows instead.
      stored = duplicate = failed = queued = processing = 0;
      for (const row of this.bySeq.values()) {
        if (row.status === 'stored') stored++;
        else if (row.status === 'duplicate') duplicate++;
        else if (row.status === 'failed') failed++;
        else if (row.status === 'processing') processing++;
        else queued++;
      }
      serverTotal = Math.max(serverTotal, this.bySeq.size);
    }
    let notYetThere;
    if (this.local) {
      // Acknowledged files that the last progress answer did not count yet, plus files not sent yet.
      const received = typeof s.received === 'number' ? s.received : (this.server ? this.ackedAtPoll : 0);
      notYetThere = Math.max(0, this.acked - received) + this.unsent;
    } else {
      notYetThere = Math.max(0, num(s.expected) - num(s.received));
    }
    failed += this.localFailed;
    const total = serverTotal + notYetThere + this.localFailed;
    const finished = stored + duplicate + failed;
    const waiting = queued + processing + notYetThere;
    return { stored, duplicate, failed, waiting, total, finished };
  }

  renderSummary() {
    const c = this.counts();
    $('count-stored').textContent = formatCount(c.stored);
    $('count-duplicate').textContent = formatCount(c.duplicate);
    $('count-failed').textContent = formatCount(c.failed);
    $('count-waiting').textContent = formatCount(c.waiting);
    $('count-total').textContent = formatCount(c.total);
    const percent = this.complete ? 100 : c.total > 0 ? Math.min(99, Math.floor((c.finished / c.total) * 100)) : 0;
    const bar = $('upload-progress');
    bar.value = percent;
    bar.setAttribute('aria-valuetext', `${percent}%，${formatCount(c.finished)} / ${formatCount(c.total)}`);
    $('upload-percent').textContent = `${percent}%`;
    $('upload-job-id').textContent = this.jobId ? `编号 ${this.jobId}` : '（等待服务器分配编号）';
    const job = $('upload-job');
    job.dataset.state = this.complete ? 'done' : 'running';
    let state;
    if (this.lost) state = '找不到此任务';
    else if (this.complete) state = this.cancelled ? '已取消' : '全部完成';
    else if (this.local && this.waitingTurn) state = '等待上一个任务发送完毕…';
    else if (this.local && this.measuring) state = '正在读取文件…';
    else if (this.local && !this.allSent) state = '上传中…';
    else if (!this.local && this.server && num0(this.server.expected) > num0(this.server.received)) {
      state = `等待上传（已收到 ${formatCount(num0(this.server.received))} / ${formatCount(num0(this.server.expected))} 个文件）`;
    } else if (!this.server && !this.local) state = '正在加载…';
    else state = '处理中…';
    const stateBox = $('upload-state');
    if (stateBox.textContent !== state) stateBox.textContent = state;
    stateBox.className = 'upload-state' + (this.complete ? (c.failed > 0 ? ' state-done-failed' : ' state-done') : ' state-running');

    const sent = $('upload-sent');
    if (this.local) {
      const sentFiles = this.fileCount - this.unsent - this.localCancelled;
      const bytes = Math.min(this.bytesTotal, this.bytesDone + this.bytesInFlight);
      let text = `已发送 ${formatCount(sentFiles)} / ${formatCount(this.fileCount)} 个文件（${formatSize(bytes)} / ${formatSize(this.bytesTotal)}）`;
      if (this.failedBatches > 0) text += `，${formatCount(this.failedBatches)} 次请求失败`;
      if (this.localCancelled > 0) text += `，${formatCount(this.localCancelled)} 个文件已取消`;
      sent.textContent = text;
      sent.hidden = false;
    } else {
      sent.hidden = true;
    }
    const cancel = $('upload-cancel');
    cancel.hidden = !(this.local && !this.allSent);
    cancel.disabled = this.cancelled;
    cancel.textContent = this.cancelled ? '正在停止…' : '停止上传';
  }

  // ----- sending -----

  /** Adds the picked files as rows; sending starts with send(). File sizes are read later (see measure). */
  prepare(entries) {
    this.fileCount = entries.length;
    this.unsent = entries.length;
    this.measuring = true;
    this.waitingTurn = true;
    for (const entry of entries) this.localRows.push(this.addRow(entry.name, null, entry.file));
  }

  /**
   * Reads the file sizes in slices: the first File.size of a picked file is a synchronous
   * file-system call (about 0.2 ms each), which would freeze the page for thousands of files.
   */
  async measure() {
    let deadline = performance.now() + FRAME_BUDGET_MS;
    for (const row of this.localRows) {
      if (this.cancelled) break;
      if (performance.now() > deadline) {
        scheduleFlush(this);
        await new Promise((resolve) => setTimeout(resolve, 0));
        deadline = performance.now() + FRAME_BUDGET_MS;
      }
      if (!row.file) continue;
      row.sizeBytes = row.file.size;
      this.bytesTotal += row.sizeBytes;
      this.touch(row);
    }
    this.measuring = false;
  }

  batches() {
    const rows = this.localRows.filter((row) => row.file);
    const batches = [];
    let batch = [];
    let bytes = 0;
    for (const row of rows) {
      const size = row.sizeBytes ?? row.file.size;
      if (batch.length > 0 && (batch.length >= MAX_BATCH_FILES || bytes + size > MAX_BATCH_BYTES)) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(row);
      bytes += size;
    }
    if (batch.length > 0) batches.push(batch);
    return batches;
  }

  async send() {
    this.waitingTurn = false;
    scheduleFlush(this);
    await this.measure();
    const batches = this.batches();
    let number = 0;
    for (const batch of batches) {
      number++;
      if (this.cancelled) break;
      await this.sendBatch(batch, number, batches.length);
    }
    if (this.cancelled) {
      for (const row of this.localRows) {
        if (row.file && row.seq == null && !row.localDone) {
          row.status = 'cancelled';
          row.error = '已取消，未上传';
          row.localDone = true;
          row.file = null;
          this.unsent--;
          this.localCancelled++;
          this.touch(row);
        }
      }
    }
    this.allSent = true;
    if (!this.jobId) {
      // Nothing reached the server: there is no job to follow.
      this.finish();
    } else {
      this.startPolling(0);
      this.checkComplete();
    }
    scheduleFlush(this);
  }

  async sendBatch(batch, number, count) {
    const form = new FormData();
    let bytes = 0;
    for (const row of batch) {
      form.append('file', row.file, row.name);
      bytes += row.sizeBytes ?? 0;
      row.status = 'sending';
      this.touch(row);
    }
    const url = this.jobId ? uploadPaths.job(this.jobId) : uploadPaths.start(this.fileCount - this.localFailed - this.localCancelled);
    this.controller = new AbortController();
    try {
      const answer = await postForm(url, form, (loaded) => {
        this.bytesInFlight = Math.min(loaded, bytes);
        scheduleFlush(this);
      }, this.controller.signal);
      if (!this.jobId) {
        if (typeof answer.jobId !== 'string' || !answer.jobId) throw new Error('服务器没有返回上传任务编号。');
        this.jobId = answer.jobId;
        jobs.set(this.jobId, this);
        if (shown === this && (location.hash === '#/upload' || location.hash === '#/upload/')) {
          history.replaceState(null, '', uploadHash(this.jobId));
        }
        this.startPolling(300);
        if (visible) loadJobs();
      }
      this.acked += batch.length;
      this.accept(batch, Array.isArray(answer.items) ? answer.items : []);
    } catch (error) {
      if (isAbort(error)) {
        for (const row of batch) {
          row.status = 'pending';
          this.touch(row);
        }
        this.bytesInFlight = 0;
        return;
      }
      this.failedBatches++;
      this.localFailed += batch.length;
      const reason = error.message || '上传失败';
      for (const row of batch) {
        row.status = 'failed';
        row.error = reason;
        row.errorCode = error.status ? `HTTP ${error.status}` : null;
        row.localDone = true;
        this.touch(row);
      }
      const what = count > 1 ? `第 ${number} / ${count} 批（${batch.length} 个文件）` : `${batch.length} 个文件`;
      showMessage(`${what}上传失败：${reason}`);
    } finally {
      this.controller = null;
    }
    for (const row of batch) row.file = null;
    this.unsent -= batch.length;
    this.bytesDone += bytes;
    this.bytesInFlight = 0;
    scheduleFlush(this);
  }

  /** Matches the items of a 202 answer to the batch's rows: by name, then by position. */
  accept(batch, items) {
    const inBatch = new Set(batch);
    const unmatched = [];
    for (const item of items) {
      if (!item) continue;
      if (item.seq != null && this.bySeq.has(item.seq)) {
        // Already known from a progress answer that arrived first.
        this.applyItem(item);
        continue;
      }
      const row = item.name != null ? this.byName.get(String(item.name)) : undefined;
      if (row && inBatch.has(row) && row.seq == null) this.applyItem(item, row);
      else unmatched.push(item);
    }
    const leftovers = batch.filter((row) => row.seq == null);
    unmatched.forEach((item, i) => this.applyItem(item, leftovers[i]));
    for (const row of batch) {
      if (row.status === 'sending') {
        row.status = 'queued';
        this.touch(row);
      }
    }
  }

  /**
   * Stops sending after the request in flight: aborting it could not tell whether the server
   * already took its files, and those would then show up twice.
   */
  cancel() {
    if (!this.local || this.allSent) return;
    this.cancelled = true;
    scheduleFlush(this);
  }

  // ----- polling -----

  startPolling(delay) {
    if (this.stopped || this.complete || !this.jobId || this.pollTimer || this.pollController) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      this.poll();
    }, delay);
  }

  stopPolling() {
    clearTimeout(this.pollTimer);
    this.pollTimer = null;
    this.pollController?.abort();
    this.pollController = null;
    this.stopped = true;
  }

  async poll() {
    this.pollController = new AbortController();
    const ackedAtStart = this.acked;
    try {
      const answer = await getJson(uploadPaths.job(this.jobId), { since: this.version }, this.pollController.signal);
      this.pollController = null;
      this.ackedAtPoll = ackedAtStart;
      this.applyProgress(answer);
      this.pollDelay = POLL_MS;
      this.pollErrorShown = false;
    } catch (error) {
      this.pollController = null;
      if (isAbort(error)) return;
      if (error.status === 404) {
        showMessage(error.message || `找不到上传任务 ${this.jobId}。`);
        this.stopped = true;
        this.lost = true;
        this.finish(true);
        return;
      }
      if (!this.pollErrorShown) showMessage(`查询上传进度失败：${error.message}（将自动重试）`);
      this.pollErrorShown = true;
      this.pollDelay = Math.min(POLL_MAX_MS, this.pollDelay * 2);
    }
    if (!this.complete && !this.stopped) this.startPolling(this.pollDelay);
  }

  applyProgress(answer) {
    this.server = answer;
    if (typeof answer.state === 'string') this.state = answer.state;
    if (answer.version != null) this.version = answer.version;
    const items = Array.isArray(answer.items) ? answer.items : [];
    for (const item of items) this.applyItem(item);
    this.checkComplete();
    scheduleFlush(this);
  }

  checkComplete() {
    if (this.complete || !this.allSent || !this.server) return;
    const s = this.server;
    if (this.state === 'done') {
      this.finish();
      return;
    }
    // Files of a failed or cancelled batch never arrive, so the server may keep waiting for them:
    // the job is over for us once everything that did arrive has been processed.
    const missing = this.localFailed + this.localCancelled;
    const idle = typeof s.queued === 'number' && typeof s.processing === 'number' && s.queued + s.processing === 0;
    const received = typeof s.received === 'number' ? s.received : this.ackedAtPoll;
    if (this.local && missing > 0 && idle && received >= this.acked) this.finish();
  }

  finish(stoppedOnly) {
    if (!stoppedOnly) this.complete = true;
    clearTimeout(this.pollTimer);
    this.pollTimer = null;
    scheduleFlush(this);
    if (!stoppedOnly && isUploadVisible()) loadJobs();
  }
}

const num0 = (v) => (typeof v === 'number' ? v : 0);

// ---------------------------------------------------------------------------------------------
// View state.

const jobs = new Map(); // jobId → job (local jobs are also kept before they have an id)
const localJobs = [];
let shown = null;
let visible = false;
let wired = false;
let sendChain = Promise.resolve();
let jobsController = null;

function isUploadVisible() {
  return visible;
}

function show(job) {
  shown = job;
  const box = $('upload-job');
  if (!job) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const table = $('upload-items');
  const old = table.tBodies[0];
  if (old !== job.body) {
    if (old) old.replaceWith(job.body);
    else table.append(job.body);
  }
  job.renderSummary();
  scheduleFlush(job);
  markCurrentJob();
}

/** Shows the upload view; jobId selects a job to watch (null: the latest job started here). */
export function renderUpload(jobId) {
  wire();
  visible = true;
  // Jobs only watched from another visit are dropped when another job is shown.
  dropWatched(jobId);
  if (jobId) {
    let job = jobs.get(jobId);
    if (!job) {
      job = new UploadJob(jobId, false);
      jobs.set(jobId, job);
    }
    show(job);
    if (!job.complete) {
      job.stopped = false;
      job.startPolling(0);
    }
  } else {
    show(localJobs[localJobs.length - 1] ?? null);
  }
  loadJobs();
}

/** Leaving the view: jobs sent from this page keep going, watched jobs stop polling. */
export function cancelUpload() {
  visible = false;
  jobsController?.abort();
  dropWatched(null);
}

/** Stops following jobs that were only watched (not sent from this page). */
function dropWatched(keepId) {
  for (const [id, job] of jobs) {
    if (!job.local && id !== keepId) {
      job.stopPolling();
      jobs.delete(id);
    }
  }
}

/** Starts one upload job for one drop or pick. unreadable: paths that could not be read. */
function startJob(entries, skipped, unreadable = []) {
  // Notes about the pick stay next to the drop zone (a route change clears #message).
  const notes = [];
  if (skipped > 0) notes.push(`已跳过 ${formatCount(skipped)} 个系统文件（如 .DS_Store、Thumbs.db、~$ 临时文件）。`);
  if (unreadable.length > 0) {
    notes.push(`${formatCount(unreadable.length)} 个文件或文件夹无法读取，未上传：${unreadable.slice(0, 5).join('、')}${unreadable.length > 5 ? ' 等' : ''}。`);
  }
  if (entries.length === 0) notes.unshift('没有找到可上传的文件。');
  setDropStatus(notes.join(' '));
  if (entries.length === 0) return;
  dropWatched(null);
  const job = new UploadJob(null, true);
  job.prepare(entries);
  localJobs.push(job);
  show(job);
  // The new job lives on the plain upload route until the server assigns its id (then replaceState).
  if (location.hash !== '#/upload') location.hash = '#/upload';
  sendChain = sendChain.then(() => job.send()).catch((error) => showMessage(`上传中断：${error.message}`));
}

// ---------------------------------------------------------------------------------------------
// Picking files: drop (files and folders), file input, folder input.

function setDropStatus(text) {
  const box = $('drop-status');
  box.textContent = text ?? '';
  box.hidden = !text;
}

function fromFileList(files, useRelativePath) {
  const entries = [];
  let skipped = 0;
  for (const file of files) {
    const name = (useRelativePath && file.webkitRelativePath) || file.name;
    if (isJunk(name)) skipped++;
    else entries.push({ file, name });
  }
  return { entries, skipped };
}

const fileOf = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));
const readBatch = (reader) => new Promise((resolve, reject) => reader.readEntries(resolve, reject));

/** Walks dropped entries; directories are read until readEntries() returns an empty batch. */
async function walkEntries(roots, found) {
  let lastReport = 0;
  const report = () => {
    const now = performance.now();
    if (now - lastReport > 200) {
      lastReport = now;
      setDropStatus(`正在读取文件夹… 已找到 ${formatCount(found.entries.length)} 个文件`);
    }
  };
  const walk = async (entry) => {
    const path = entry.fullPath ? entry.fullPath.replace(/^\/+/, '') : entry.name;
    if (entry.isFile) {
      if (isJunk(path)) {
        found.skipped++;
        return;
      }
      try {
        found.entries.push({ file: await fileOf(entry), name: path || entry.name });
      } catch {
        found.unreadable.push(path);
      }
      report();
    } else if (entry.isDirectory) {
      if (isJunk(path + '/x')) {
        found.skipped++;
        return;
      }
      const reader = entry.createReader();
      for (;;) {
        let batch;
        try {
          batch = await readBatch(reader);
        } catch {
          found.unreadable.push(path + '/');
          break;
        }
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const root of roots) await walk(root);
}

async function onDrop(event) {
  event.preventDefault();
  $('drop-zone').classList.remove('drag-over');
  const transfer = event.dataTransfer;
  if (!transfer) return;
  // Entries must be taken while the event is being handled; the list is emptied afterwards.
  const items = [...(transfer.items ?? [])].filter((item) => item.kind === 'file');
  const found = { entries: [], skipped: 0, unreadable: [] };
  const roots = [];
  if (items.length > 0 && typeof items[0].webkitGetAsEntry === 'function') {
    for (const item of items) {
      const entry = item.webkitGetAsEntry();
      if (entry) roots.push(entry);
      else {
        const file = item.getAsFile();
        if (file) found.entries.push({ file, name: file.name });
      }
    }
  } else {
    const picked = fromFileList(transfer.files ?? [], false);
    found.entries.push(...picked.entries);
    found.skipped += picked.skipped;
  }
  if (roots.length > 0) {
    setDropStatus('正在读取文件夹…');
    await walkEntries(roots, found);
  }
  startJob(found.entries, found.skipped, found.unreadable);
}

function onPick(event, useRelativePath) {
  const input = event.target;
  const { entries, skipped } = fromFileList(input.files ?? [], useRelativePath);
  input.value = '';
  startJob(entries, skipped);
}

function dragHasFiles(event) {
  const types = event.dataTransfer?.types;
  return !!types && [...types].includes('Files');
}

function wire() {
  if (wired) return;
  wired = true;
  const zone = $('drop-zone');
  let depth = 0;
  zone.addEventListener('dragenter', (event) => {
    if (!dragHasFiles(event)) return;
    event.preventDefault();
    depth++;
    zone.classList.add('drag-over');
  });
  zone.addEventListener('dragover', (event) => {
    if (!dragHasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('drag-over');
  });
  zone.addEventListener('drop', (event) => {
    depth = 0;
    onDrop(event);
  });
  zone.addEventListener('keydown', (event) => {
    if (event.target === zone && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      $('file-input').click();
    }
  });
  $('file-input').addEventListener('change', (event) => onPick(event, false));
  $('folder-input').addEventListener('change', (event) => onPick(event, true));
  $('upload-cancel').addEventListener('click', () => {
    if (shown?.local && !shown.allSent && confirm('停止发送剩余的文件？已发送的文件会继续处理。')) shown.cancel();
  });
  $('upload-only-failed').addEventListener('change', (event) => {
    $('upload-items').classList.toggle('only-failed', event.target.checked);
  });
  $('upload-jobs').addEventListener('click', (event) => {
    if (event.target.closest('a')) return;
    const row = event.target.closest('tr.upload-job');
    if (row?.dataset.jobId) location.hash = uploadHash(row.dataset.jobId);
  });
}

/**
 * On every view: a file dropped outside the zone would replace the page (and stop running uploads),
 * and leaving the page while files are being sent asks first.
 */
function guardPage() {
  const outsideZone = (event) => !$('drop-zone').contains(event.target);
  window.addEventListener('dragover', (event) => {
    if (dragHasFiles(event) && outsideZone(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = visible ? 'copy' : 'none';
    }
  });
  window.addEventListener('drop', (event) => {
    if (!dragHasFiles(event) || !outsideZone(event)) return;
    event.preventDefault();
    if (visible) onDrop(event);
    else showMessage('要上传文件，请打开“上传”页，把文件拖放到上传区域。', 'info');
  });
  window.addEventListener('beforeunload', (event) => {
    if (localJobs.some((job) => !job.allSent)) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}

guardPage();

// ---------------------------------------------------------------------------------------------
// Recent jobs.

async function loadJobs() {
  jobsController?.abort();
  jobsController = new AbortController();
  const signal = jobsController.signal;
  const box = $('upload-jobs');
  try {
    const data = await getJson(uploadPaths.list(), { size: JOBS_SHOWN }, signal);
    renderJobs(Array.isArray(data.jobs) ? data.jobs.filter(Boolean) : []);
  } catch (error) {
    if (isAbort(error)) return;
    clear(box).append(el('p', { className: 'note', text: `无法加载上传记录：${error.message}` }));
  }
}

function renderJobs(list) {
  const box = clear($('upload-jobs'));
  if (list.length === 0) {
    box.append(el('p', { className: 'note', text: '还没有上传记录。' }));
    return;
  }
  const body = el('tbody');
  for (const job of list) {
    const state = typeof job.state === 'string' ? job.state : '';
    body.append(el('tr', { className: 'upload-job', dataset: { jobId: job.jobId } },
      el('td', {}, el('a', { href: uploadHash(job.jobId), text: formatDateTime(job.createdAt) || String(job.jobId ?? '') })),
      el('td', {}, el('span', { className: 'status job-state-' + cssToken(state), text: jobStateLabel(state) })),
      el('td', { className: 'num', text: formatCount(job.total) }),
      el('td', { className: 'num', text: formatCount(job.done) }),
      el('td', { className: 'num' + (job.failed > 0 ? ' status-failed' : ''), text: formatCount(job.failed) }),
      el('td', { className: 'job-id', text: String(job.jobId ?? '') })));
  }
  const head = el('thead', {}, el('tr', {},
    ['上传时间', '状态', '文件数', '已完成', '失败', '任务编号'].map((name, i) =>
      el('th', { scope: 'col', className: i >= 2 && i <= 4 ? 'num' : null, text: name }))));
  box.append(el('table', { id: 'upload-jobs-table', className: 'doc-table upload-jobs-table' }, head, body));
  markCurrentJob();
}

function markCurrentJob() {
  for (const row of document.querySelectorAll('#upload-jobs tr.upload-job')) {
    const current = !!shown?.jobId && row.dataset.jobId === shown.jobId;
    row.classList.toggle('current', current);
    if (current) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
  }
}
