// As-you-type suggestions for the search box (#q → ul#suggestions): clause headings and legal terms for the
// last word of the query. Arrow keys move, Enter or a click picks (the last word is replaced and the search runs),
// Esc closes. A pinyin input method's composition is waited for: only finished text is looked up.

import { getJson, isAbort, SUGGEST_PATH } from './api.js';
import { $, el, clear } from './dom.js';

const DEBOUNCE_MS = 150;
const SIZE = 8;
const MAX_WORD = 50;

let timer = null;
let request = null;
let options = []; // [{ text }]
let active = -1;
let word = null; // { start, prefix, stem, quoted } of the word the list was made for

/**
 * The last word of the query when the caret is at its end: prefix "-" (exclude) or '"' (phrase) is kept,
 * field filters (type:…) and OR are not completed.
 */
export function lastWord(value, caret) {
  if (typeof value !== 'string' || (caret != null && caret !== value.length)) return null;
  const match = /(\S+)$/.exec(value);
  if (!match) return null;
  const token = match[1];
  const parts = /^(-?)("?)(.*)$/.exec(token);
  const stem = parts[3];
  if (!stem || stem.length > MAX_WORD || stem.includes('"') || /^[a-z]+:/i.test(stem) || stem === 'OR') return null;
  return { start: match.index, prefix: parts[1] + parts[2], stem, quoted: parts[2] === '"' };
}

/** The query with its last word replaced by a suggestion (quoted when it holds a space). */
export function replaceLastWord(value, target, text) {
  const phrase = target.quoted || /\s/.test(text);
  const prefix = target.quoted ? target.prefix : target.prefix + (phrase ? '"' : '');
  return value.slice(0, target.start) + prefix + text + (phrase ? '"' : '');
}

const box = () => $('q');
const list = () => $('suggestions');

export function closeSuggestions() {
  clearTimeout(timer);
  timer = null;
  request?.abort();
  request = null;
  options = [];
  active = -1;
  word = null;
  const ul = list();
  if (!ul.hidden) clear(ul);
  ul.hidden = true;
  box().setAttribute('aria-expanded', 'false');
  box().removeAttribute('aria-activedescendant');
}

function schedule() {
  clearTimeout(timer);
  const input = box();
  const target = lastWord(input.value, input.selectionStart);
  if (!target) {
    closeSuggestions();
    return;
  }
  timer = setTimeout(() => fetchFor(target), DEBOUNCE_MS);
}

async function fetchFor(target) {
  request?.abort();
  request = new AbortController();
  const signal = request.signal;
  let data;
  try {
    data = await getJson(SUGGEST_PATH, { q: target.stem, size: SIZE }, signal);
  } catch (error) {
    // Suggestions are a convenience: a failure only closes the list.
    if (!isAbort(error)) closeSuggestions();
    return;
  }
  const input = box();
  const now = lastWord(input.value, input.selectionStart);
  if (signal.aborted || document.activeElement !== input || !now || now.stem !== target.stem) return;
  const seen = new Set();
  options = (Array.isArray(data.suggestions) ? data.suggestions : [])
    .map((s) => (s && typeof s.text === 'string' ? s.text.trim() : ''))
    .filter((text) => text && !seen.has(text) && seen.add(text));
  word = now;
  render();
}

function render() {
  const ul = clear(list());
  active = -1;
  box().removeAttribute('aria-activedescendant');
  if (options.length === 0) {
    ul.hidden = true;
    box().setAttribute('aria-expanded', 'false');
    return;
  }
  options.forEach((text, index) => {
    const at = text.indexOf(word.stem);
    const label = at < 0 ? [text]
      : [text.slice(0, at), el('strong', { className: 'suggestion-match', text: word.stem }), text.slice(at + word.stem.length)];
    const item = el('li', { className: 'suggestion', id: `suggestion-${index}`, role: 'option', 'aria-selected': 'false', dataset: { value: text } }, ...label);
    item.addEventListener('click', () => pick(index));
    item.addEventListener('mousemove', () => {
      if (active !== index) setActive(index);
    });
    ul.append(item);
  });
  ul.hidden = false;
  box().setAttribute('aria-expanded', 'true');
}

function setActive(index) {
  const items = list().querySelectorAll('.suggestion');
  active = index;
  items.forEach((item, i) => {
    item.setAttribute('aria-selected', i === index ? 'true' : 'false');
    item.classList.toggle('active', i === index);
  });
  if (index >= 0 && items[index]) {
    box().setAttribute('aria-activedescendant', items[index].id);
    items[index].scrollIntoView({ block: 'nearest' });
  } else {
    box().removeAttribute('aria-activedescendant');
  }
}

function pick(index) {
  const text = options[index];
  const target = word;
  if (text == null || !target) return;
  const input = box();
  input.value = replaceLastWord(input.value, target, text);
  closeSuggestions();
  input.focus();
  $('search-form').requestSubmit();
}

function onKeyDown(event) {
  if (event.isComposing || event.keyCode === 229) return;
  const open = !list().hidden && options.length > 0;
  switch (event.key) {
    case 'ArrowDown':
      if (!open) return;
      event.preventDefault();
      setActive(active + 1 >= options.length ? 0 : active + 1);
      return;
    case 'ArrowUp':
      if (!open) return;
      event.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
      return;
    case 'Enter':
      if (open && active >= 0) {
        event.preventDefault();
        pick(active);
      } else {
        closeSuggestions();
      }
      return;
    case 'Escape':
      if (!open) return;
      // Only the list closes: the box keeps its text and an open precedents panel stays open.
      event.preventDefault();
      closeSuggestions();
      return;
    case 'Tab':
      closeSuggestions();
      return;
    default:
  }
}

export function wireSuggestions() {
  const input = box();
  input.addEventListener('input', (event) => {
    if (event.isComposing) return;
    schedule();
  });
  input.addEventListener('compositionend', schedule);
  input.addEventListener('keydown', onKeyDown);
  input.addEventListener('blur', closeSuggestions);
  // Clicking an option (or the list's scroll bar) keeps the focus in the box.
  list().addEventListener('mousedown', (event) => event.preventDefault());
}
