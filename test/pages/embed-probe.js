// A stand-in for dist/embed.html in the embed-resize.js tests: it records what the host page sends
// it, and posts what a test asks it to from its own window, so that event.source is this frame.
window.received = [];
window.addEventListener('message', (event) => window.received.push(event.data));
window.post = (data) => window.parent.postMessage(data, '*');
