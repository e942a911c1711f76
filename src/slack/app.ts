// Builds the Bolt app: our HTTP receiver (or Socket Mode), authorization through the
// token seam, every listener, and one catch-all for errors.
import { App, type Authorize, type SocketModeReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { withSlackRequest } from '../observability/request-context.js';
import { claimRequestKey, releaseRequestKey } from '../../db/seen-requests.js';
import { trustedResponseHosts } from '../http/response-url.js';
import { SlackReceiver } from '../http/slack-receiver.js';
import { ListenerIds } from './listened-ids.js';
import { toBoltLogger } from './bolt-logger.js';
import type { Subcommand } from './commands/subcommand.js';
import type { SlackDeps } from './deps.js';
import { registerAppHome, type HomeSection } from './listeners/app-home.js';
import { registerCheckInOpen } from './listeners/checkin-open.js';
import { registerCurrentAction } from './listeners/current-action.js';
import { registerCheckInEdit } from './listeners/checkin-edit.js';
import { createHomeRefresher } from './listeners/engagement-interaction.js';
import { registerCheckInSubmit } from './listeners/checkin-submit.js';
import { registerCheckInVisibility } from './listeners/checkin-visibility.js';
import { registerPreconditionAnswers } from './listeners/precondition-answer.js';
import { registerDmReplies } from './listeners/dm-reply.js';
import { registerGrowCommand } from './listeners/grow-command.js';
import { registerLifecycle } from './listeners/lifecycle.js';
import { registerSaveMoment } from './listeners/save-moment.js';
import { registerUserChange } from './listeners/user-change.js';
import { meteredAdapter } from './metered-requests.js';
import { createSocketReceiver } from './socket-mode.js';
import { createTenantGuard } from './tenant-guard.js';
import { createInFlight, type InFlight } from './in-flight.js';
import { resumeIfTokenWorks } from '../platform/single-workspace-resume.js';

export interface SlackApp {
  app: App;
  /** Present in HTTP mode; the web server routes /slack/events to it. */
  receiver?: SlackReceiver;
  /** Present in Socket Mode (SLACK_APP_TOKEN set). */
  socket?: SocketModeReceiver;
  /** Listener work still running (after the ack); the web role drains it on close. */
  inFlight: InFlight;
}

export interface Extensions {
  subcommands?: Subcommand[];
  homeSections?: HomeSection[];
  register?: ((app: App, deps: SlackDeps) => void)[];
}

export function createSlackApp(deps: SlackDeps, extensions: Extensions = {}): SlackApp {
  const { config } = deps;
  // Every client Bolt builds counts Slack's 429s and errors, like the worker's.
  const clientOptions = { slackApiUrl: config.slack.apiUrl, adapter: meteredAdapter };
  const authorize = createAuthorize(deps);
  const logger = toBoltLogger(deps.logger);
  let app: App;
  let receiver: SlackReceiver | undefined;
  let socket: SocketModeReceiver | undefined;
  if (config.slack.appToken) {
    socket = createSocketReceiver({ appToken: config.slack.appToken, apiUrl: config.slack.apiUrl, logger });
    app = new App({ receiver: socket, authorize, clientOptions, logger });
  } else {
    const listeners = new ListenerIds();
    receiver = new SlackReceiver({
      signingSecret: config.slack.signingSecret!,
      logger: deps.logger,
      listeners,
      responseUrlHosts: trustedResponseHosts(config.slack.apiUrl),
      replayGuard: { claim: (key) => claimRequestKey(deps.db, key, deps.now()), release: (key) => releaseRequestKey(deps.db, key) },
    });
    app = new App({ receiver, authorize, clientOptions, logger });
    listeners.watch(app);
  }
  // First, so every listener chain (and whatever it does after its ack) is counted.
  const inFlight = createInFlight();
  app.use(inFlight.middleware);
  // Every log line of the event, in Socket Mode too, names the request, team and user.
  app.use(async ({ body, next }) => withSlackRequest(body as Record<string, unknown>, next));
  app.use(createTenantGuard(deps.logger));
  registerGrowCommand(app, deps, extensions.subcommands);
  registerCheckInSubmit(app, deps);
  registerCheckInOpen(app, deps);
  registerCheckInVisibility(app, deps);
  registerPreconditionAnswers(app, deps);
  registerDmReplies(app, deps);
  registerAppHome(app, deps, extensions.homeSections);
  registerLifecycle(app, deps);
  registerUserChange(app, deps);
  registerSaveMoment(app, deps);
  registerCheckInEdit(app, deps);
  registerCurrentAction(app, deps, createHomeRefresher(extensions.homeSections ?? []));
  for (const register of extensions.register ?? []) register(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled Slack listener error');
  });
  return { app, receiver, socket, inFlight };
}

/** Resolves the team's token and, once per token, who the bot is (auth.test). */
function createAuthorize(deps: SlackDeps): Authorize<boolean> {
  const identities = new Map<string, Promise<{ botId?: string; botUserId?: string }>>();
  return async ({ teamId }) => {
    const botToken = await deps.resolveBotToken(teamId ?? '');
    // A stopped single workspace is authorised only once Slack accepts its token again.
    if (deps.config.slack.botToken && teamId) await resumeIfTokenWorks(deps, teamId, botToken);
    let identity = identities.get(botToken);
    if (!identity) {
      identity = new WebClient(botToken, { slackApiUrl: deps.config.slack.apiUrl, adapter: meteredAdapter })
        .auth.test()
        .then((r) => ({ botId: r.bot_id, botUserId: r.user_id }));
      identities.set(botToken, identity);
      identity.catch(() => identities.delete(botToken));
    }
    const { botId, botUserId } = await identity;
    return { botToken, botId, botUserId, teamId };
  };
}
