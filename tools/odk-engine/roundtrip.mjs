// An OpenRosa round trip driven by ODK's own form engine (@getodk/xforms-engine):
// Digest sign-in, form list, form download, fill in with the engine, HEAD + POST the
// engine's own submission payload, then the same payload again.
// Usage: node roundtrip.mjs BASE_URL USERNAME PASSWORD FORM_ID STATION '{"A": "1", "D": 250}'
// (select questions take the choice's value, inputs the typed value). Prints a JSON report.
import { createHash, randomBytes } from 'node:crypto';
import { JSDOM } from 'jsdom';

const [base, username, password, formId, station, answersJson] = process.argv.slice(2);
const answers = JSON.parse(answersJson);
// The engine's bundled tree-sitter asks for __dirname when it sees Node; its wasm is inlined.
globalThis.__dirname ??= process.cwd();
const dom = new JSDOM('');
for (const name of ['DOMParser', 'XMLSerializer', 'Node', 'Element', 'Document', 'XPathResult', 'document']) {
  globalThis[name] ??= name === 'document' ? dom.window.document : dom.window[name];
}
const { loadForm } = await import('@getodk/xforms-engine');

const md5 = (text) => createHash('md5').update(text).digest('hex');
let nc = 0;

async function call(method, path, body) {
  const url = new URL(path, base);
  const headers = { 'X-OpenRosa-Version': '1.0' };
  const challenge = await fetch(url, { method, headers });
  if (challenge.status !== 401) throw new Error(`${method} ${path}: expected a 401 challenge, got ${challenge.status}`);
  const header = challenge.headers.get('www-authenticate');
  const field = (name) => header.match(new RegExp(`${name}="([^"]+)"`))[1];
  const realm = field('realm'), nonce = field('nonce');
  const cnonce = randomBytes(8).toString('hex'), count = (++nc).toString(16).padStart(8, '0');
  const uri = url.pathname + url.search;
  const response = md5(`${md5(`${username}:${realm}:${password}`)}:${nonce}:${count}:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  headers.Authorization = `Digest username="${username}", realm="${realm}", nonce="${nonce}", uri="${uri}", qop=auth, nc=${count}, cnonce="${cnonce}", response="${response}", algorithm=MD5`;
  return fetch(url, { method, headers, body });
}

const report = {};
const list = await call('GET', '/openrosa/formList');
const listXml = await list.text();
report.formList = list.status;
const downloadUrl = new DOMParser().parseFromString(listXml, 'text/xml');
const entry = [...downloadUrl.getElementsByTagName('xform')]
  .find((x) => x.getElementsByTagName('formID')[0].textContent === formId);
if (!entry) throw new Error(`form ${formId} not in the form list`);
const formXml = await (await call('GET', new URL(entry.getElementsByTagName('downloadUrl')[0].textContent).pathname)).text();

const form = await loadForm(formXml);
report.load = form.status;
if (form.status === 'failure') throw form.error;
const instance = form.createInstance();

const nodes = [];
const walk = (node) => { nodes.push(node); for (const child of node.currentState.children ?? []) walk(child); };
walk(instance.root);
const byName = (name) => nodes.find((n) => n.currentState.reference === `/${formId}/${name}`);
byName('station').setValue(station);
for (const [name, value] of Object.entries(answers)) {
  const node = byName(name);
  if (!node) throw new Error(`the form has no question ${name}`);
  if (node.nodeType === 'select') node.selectValue(String(value));
  else node.setValue(value);
}
report.questions = nodes.filter((n) => ['input', 'select'].includes(n.nodeType)).map((n) => n.currentState.reference.split('/').pop());

const payload = await instance.root.prepareInstancePayload();
report.status = payload.status;
// What ODK Collect would show on the device before sending: each violated constraint's message.
report.violations = (payload.violations ?? []).map((found) => ({
  question: found.reference.split('/').pop(),
  message: found.violation.message?.asString ?? '',
}));
const data = payload.data[0];
const head = await call('HEAD', '/openrosa/submission');
report.head = head.status;
const first = await call('POST', '/openrosa/submission', data);
report.first = first.status;
report.firstMessage = await first.text();
const again = await call('POST', '/openrosa/submission', data);
report.again = again.status;
report.instanceID = (await data.get('xml_submission_file').text()).match(/<instanceID>([^<]+)</)[1];
console.log(JSON.stringify(report));
