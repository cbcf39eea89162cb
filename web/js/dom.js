// Small DOM helpers. Everything that comes from the server is inserted as text;
// the only HTML we accept is a search highlight, and only after checking it (see setHighlight).

/**
 * Creates an element. props: className, text, dataset, or any attribute (null/false skipped).
 * Children may be nodes or strings (strings become text nodes, never HTML).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') {
      for (const [name, v] of Object.entries(value)) if (v != null) node.dataset[name] = String(v);
    } else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function $(id) {
  return document.getElementById(id);
}

/**
 * True when the highlight consists of text plus <mark> / </mark> tags only, i.e. it matches
 * /^(?:[^<]|<mark>|<\/mark>)*$/. Implemented by removing the tags and looking for any '<' left,
 * which is equivalent and linear on long clauses (no regex backtracking).
 */
export function isSafeHighlight(html) {
  return typeof html === 'string' && !html.replace(/<\/?mark>/g, '').includes('<');
}

/** The one place where server data becomes HTML: a checked, server-escaped highlight. */
export function setHighlight(node, highlight, fallbackText) {
  if (highlight && isSafeHighlight(highlight)) {
    node.innerHTML = highlight;
    node.classList.remove('plain');
  } else {
    node.textContent = fallbackText ?? '';
    node.classList.add('plain');
  }
}

/** Restricts a server value to a safe CSS class fragment. */
export function cssToken(value) {
  return String(value ?? 'unknown').replace(/[^a-z0-9_-]/gi, '') || 'unknown';
}

const message = () => $('message');

/** Shows a Chinese message in the #message alert area. */
export function showMessage(text, level = 'error') {
  const box = message();
  box.querySelector('.message-text').textContent = text;
  box.classList.toggle('message-info', level === 'info');
  box.hidden = false;
}

export function clearMessage() {
  const box = message();
  box.hidden = true;
  box.querySelector('.message-text').textContent = '';
}
