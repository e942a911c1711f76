// Bull Board, the BullMQ ecosystem's queue dashboard, served at /admin/queues from a small
// express app of its own (Grow's HTTP server is plain node:http and hands it every request
// under that path once the admin check has passed). Read-only unless ADMIN_WRITE=true:
// retrying or removing a job by hand is a decision an operator opts into.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import express from 'express';

export const BULL_BOARD_PATH = '/admin/queues';

export interface BullBoardOptions {
  queues: Queue[];
  /** ADMIN_WRITE: let operators retry, promote and remove jobs. */
  write: boolean;
}

export type BullBoard = (req: IncomingMessage, res: ServerResponse) => void;

export function createBullBoardApp(options: BullBoardOptions): BullBoard {
  const { queues } = options;
  const serverAdapter = new ExpressAdapter().setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: !options.write })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Grow queues' } },
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(BULL_BOARD_PATH, serverAdapter.getRouter());
  return (req, res) => void app(req as express.Request, res as express.Response);
}
