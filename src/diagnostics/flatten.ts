import { createHash } from 'node:crypto';
import type { VFileMessage } from 'vfile-message';

/** A message as plain data: the shape the JSON, GitHub and SARIF reporters share. */
export interface FlatMessage {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  ruleId: string;
  message: string;
  hint?: string;
  url?: string;
  cause?: { file: string; line: number; column: number; message: string };
  /** What was found, hashed: the same whatever the line, the language of the report or the working folder. */
  fingerprint: string;
}

type PlaceLike = VFileMessage['place'];
const startOf = (place: PlaceLike) => (place && 'start' in place ? place.start : place);
const endOf = (place: PlaceLike) => (place && 'end' in place ? place.end : place);

export function flatten(message: VFileMessage): FlatMessage {
  const start = startOf(message.place);
  const end = endOf(message.place);
  const cause = message.cause instanceof Error && 'reason' in message.cause ? (message.cause as VFileMessage) : undefined;
  const causeStart = startOf(cause?.place);
  return {
    file: message.file ?? '',
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    ruleId: message.ruleId ?? 'unknown',
    message: message.reason,
    fingerprint: createHash('sha256').update((message.actual ?? '').normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16),
    ...(message.note ? { hint: message.note } : {}),
    ...(message.url ? { url: message.url } : {}),
    ...(cause
      ? { cause: { file: cause.file ?? '', line: causeStart?.line ?? 1, column: causeStart?.column ?? 1, message: cause.reason } }
      : {}),
  };
}

/** Stable order: by file, then position, then rule. */
export function sortFlat(messages: FlatMessage[]): FlatMessage[] {
  return messages.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** A message's identity for code scanning and GitLab: rule, file and what was found, never the line or the language. */
export function fingerprints(messages: readonly { ruleId: string; file: string; fingerprint: string }[]): string[] {
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const key = `${m.ruleId}\0${m.file}\0${m.fingerprint}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
  });
}

