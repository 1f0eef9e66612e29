/**
 * The code an extraction worker thread runs (plain JavaScript, started with `eval`, so the same pool
 * works from the compiled CLI, from tsx and under jest, whose module transform does not reach threads).
 * It loads pdf-parse from the path the pool resolved, reads one PDF per message and answers with its
 * pages' text, page count, title and creation date — or a typed error: "encrypted" (a password is
 * needed), "broken" (not a readable PDF). The time limit and the heap cap are the pool's.
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.pdfParsePath);

function errorStatus(err) {
  const name = (err && err.name) || '';
  if (name === 'PasswordException') return 'encrypted';
  return 'broken';
}

function firstLine(err) {
  return String((err && err.message) || err || 'unknown error').split('\\n')[0].slice(0, 300);
}

function isoDay(d) {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : null;
}

parentPort.on('message', async (msg) => {
  const parser = new PDFParse({ data: new Uint8Array(msg.bytes), verbosity: 0 });
  try {
    const info = await parser.getInfo();
    const text = await parser.getText();
    const pages = text.pages.slice().sort((a, b) => a.num - b.num).map((p) => p.text);
    const title = info.info && typeof info.info.Title === 'string' && info.info.Title.trim() ? info.info.Title.trim() : null;
    let created = null;
    try {
      created = isoDay(info.getDateNode().CreationDate);
    } catch (e) {
      created = null;
    }
    parentPort.postMessage({ id: msg.id, ok: true, pageCount: info.total, title, createdOn: created, pages });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, status: errorStatus(err), error: firstLine(err) });
  } finally {
    try {
      await parser.destroy();
    } catch (e) {
      // a parser that never opened the file has nothing to free
    }
  }
});
`;
