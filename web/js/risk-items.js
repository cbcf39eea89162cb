// Risk flags of a contract ({code, label, severity, message, clauseOrdinal}) as list items and badges.

import { el } from './dom.js';
import { SEVERITY_LABELS, severityOf } from './labels.js';
import { risksHash } from './route.js';

/** Older answers sent plain strings or other field names; keep them readable. */
function riskParts(risk) {
  if (typeof risk === 'string') return { label: '', message: risk };
  if (!risk || typeof risk !== 'object') return { label: '', message: '' };
  const message = risk.message || risk.description || risk.text || '';
  const label = risk.label || risk.type || risk.code || '';
  return { label: label === message ? '' : label, message };
}

/** A badge: the risk's label, coloured by severity, the message as its title. */
export function riskBadge(risk) {
  const { label, message } = riskParts(risk);
  const severity = severityOf(risk);
  return el('span', {
    className: 'risk-badge' + (severity ? ' risk-' + severity : ''),
    title: message || null,
    dataset: { code: typeof risk === 'object' ? risk?.code : null },
    text: label || message,
  });
}

/**
 * Fills a <ul> with li.risk items (label badge, message, and optionally a link to the clause involved).
 * clauseHref(risk) may return a link for risks that name a clause. Returns the number of items.
 */
export function fillRiskList(list, risks, clauseHref) {
  list.replaceChildren();
  for (const risk of Array.isArray(risks) ? risks : []) {
    const { label, message } = riskParts(risk);
    if (!label && !message) continue;
    const severity = severityOf(risk);
    const code = typeof risk === 'object' ? risk?.code : null;
    const href = clauseHref ? clauseHref(risk) : null;
    list.append(el('li', {
      className: 'risk' + (severity ? ' risk-' + severity : ''),
      dataset: { code, severity },
    },
    label ? el(code ? 'a' : 'span', {
      className: 'risk-label',
      href: code ? risksHash({ risk: code }) : null,
      title: [severity ? `风险等级：${SEVERITY_LABELS[severity]}` : null, code ? '查看有此风险的全部合同' : null].filter(Boolean).join('。') || null,
      text: label,
    }) : null,
    message ? el('span', { className: 'risk-message', text: message }) : null,
    href ? el('a', { className: 'risk-clause', href, text: '查看条款' }) : null));
  }
  return list.childElementCount;
}
