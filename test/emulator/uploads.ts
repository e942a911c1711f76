// The upload URL half of files.getUploadURLExternal: accepts the file bytes either raw or
// as multipart/form-data (what @slack/web-api sends) and remembers them on the upload.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendText } from './http-io.js';
import type { Store } from './store.js';

export async function handleUpload(store: Store, fileId: string, req: IncomingMessage, res: ServerResponse) {
  const body = await readBody(req);
  const upload = store.uploads.get(fileId);
  if (!upload) return sendText(res, 404, 'file not found');
  upload.received = extractFileBytes(req.headers['content-type'], body);
  sendText(res, 200, `OK - ${upload.received.length}`);
}

function extractFileBytes(contentType: string | undefined, body: Buffer): Buffer {
  const boundary = /multipart\/form-data;.*boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2];
  if (!boundary) return body;
  const delimiter = Buffer.from(`--${boundary}`);
  const start = body.indexOf(delimiter);
  if (start < 0) return body;
  const headerEnd = body.indexOf('\r\n\r\n', start);
  const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd);
  if (headerEnd < 0 || next < 0) return body;
  return body.subarray(headerEnd + 4, next);
}
