/**
 * Warnings the county accepts for good (schema/project.json `acknowledged`): a rule on an item, by its id, or on a
 * file, by its path in the strategy folder, each with the reason. They are taken out of the warnings, so that they
 * neither count towards `--max-warnings` nor take one of GitHub's ten annotation slots, and every report still shows
 * them as acknowledged, with the reason (SARIF as a suppression).
 */
import type { VFileMessage } from 'vfile-message';
import type { Acknowledgement, StrategyGraph } from '../model/types.ts';

export interface AcknowledgedMessage {
  message: VFileMessage;
  reason: string;
}

export interface Acknowledged {
  messages: VFileMessage[];
  acknowledged: AcknowledgedMessage[];
  /** Acknowledgements of an item or file of this strategy that matched no warning: the warning is gone, the entry can go. */
  unused: Acknowledgement[];
}

export function acknowledge(messages: readonly VFileMessage[], graph: StrategyGraph): Acknowledged {
  const entries = graph.schema.project.acknowledged;
  if (entries.length === 0) return { messages: [...messages], acknowledged: [], unused: [] };
  // The message's file as shown (relative to the working folder) → its path in the strategy folder and item id.
  const files = new Map<string, { path: string; id: unknown }>();
  for (const file of graph.files) files.set(file.vfile.path, { path: file.path, id: file.data?.['id'] });
  for (const stray of graph.strays) files.set(stray.file.vfile.path, { path: stray.path, id: undefined });
  const matches = (entry: Acknowledgement, message: VFileMessage) => {
    const file = files.get(message.file ?? '');
    return entry.rule === message.ruleId && file !== undefined && (entry.id === undefined || entry.id === file.id) && (entry.path === undefined || entry.path === file.path);
  };
  const kept: VFileMessage[] = [];
  const acknowledged: AcknowledgedMessage[] = [];
  for (const message of messages) {
    // Errors are never acknowledged: they stop the build, and an accepted one would hide a broken output.
    const entry = message.fatal === false ? entries.find((e) => matches(e, message)) : undefined;
    if (entry) acknowledged.push({ message, reason: entry.reason });
    else kept.push(message);
  }
  const used = new Set(acknowledged.map(({ message }) => entries.find((e) => matches(e, message))));
  // Stale only where the item or file is in this strategy: another folder checked with the same schema/ has none.
  const present = (entry: Acknowledgement) => [...files.values()].some((file) => (entry.id === undefined || entry.id === file.id) && (entry.path === undefined || entry.path === file.path));
  return { messages: kept, acknowledged, unused: entries.filter((entry) => !used.has(entry) && present(entry)) };
}
