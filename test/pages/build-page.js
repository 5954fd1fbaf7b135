// Builds a test page's elements from its query string, so each test owns its states and the page
// holds no inline script (a strict CSP forbids it). A deferred classic script: it runs after
// parsing and before the bundle's module script, so the elements exist before they are defined,
// as they do when a partner writes them in the HTML.
//   ?elements=[{"tag":"impact-stat","attrs":{"id":"a","data-id":"x"},"text":"fallback","width":320}]
//   ("child":"blockquote" puts the text in a child of that tag: a partner's own <blockquote>)
//   &host-policy=lit-html   first creates the host page's own Trusted Types policy of that name
const query = new URLSearchParams(location.search);
const policyName = query.get('host-policy');
if (policyName) {
  window.hostPolicy = trustedTypes.createPolicy(policyName, { createHTML: (text) => text });
}
const main = document.querySelector('main');
const specs = JSON.parse(query.get('elements') ?? '[]');
for (const { tag, attrs = {}, text = '', child, width } of specs) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  if (child) element.append(Object.assign(document.createElement(child), { textContent: text }));
  else element.append(text);
  // CSSOM from script, which a strict CSP allows (a style attribute it would not).
  if (width) element.style.width = `${width}px`;
  main.append(element);
}
