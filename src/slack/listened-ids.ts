// Which action ids, view and shortcut callback ids, slash commands and event types Grow listens to,
// learnt from the listeners as they register. The receiver reads it to acknowledge at
// once what no listener would answer (Bolt would otherwise leave Slack waiting 3 s).
import type { App } from '@slack/bolt';

type Constraint = unknown;

class IdSet {
  private readonly exact = new Set<string>();
  private readonly patterns: RegExp[] = [];
  private any = false;

  note(constraint: Constraint, field: string): void {
    if (typeof constraint === 'string') this.exact.add(constraint);
    else if (constraint instanceof RegExp) this.patterns.push(constraint);
    else if (constraint && typeof constraint === 'object' && field in constraint) this.note((constraint as Record<string, unknown>)[field], field);
    // A constraint without this field matches every id.
    else this.any = true;
  }

  has(id: string): boolean {
    return this.any || this.exact.has(id) || this.patterns.some((p) => new RegExp(p.source, p.flags.replace('g', '')).test(id));
  }
}

export class ListenerIds {
  readonly actions = new IdSet();
  readonly callbacks = new IdSet();
  readonly shortcuts = new IdSet();
  readonly commands = new IdSet();
  readonly events = new IdSet();

  /** Wraps the app's registration methods so every listener added from now on is noted. */
  watch(app: App): void {
    const wrap = <K extends 'action' | 'view' | 'shortcut' | 'command' | 'event'>(method: K, set: IdSet, field: string) => {
      const original = (app[method] as (...args: unknown[]) => unknown).bind(app);
      (app as unknown as Record<K, unknown>)[method] = (constraint: Constraint, ...rest: unknown[]) => {
        set.note(constraint, field);
        return original(constraint, ...rest);
      };
    };
    wrap('action', this.actions, 'action_id');
    wrap('view', this.callbacks, 'callback_id');
    wrap('shortcut', this.shortcuts, 'callback_id');
    wrap('command', this.commands, 'command');
    wrap('event', this.events, 'type');
  }
}
