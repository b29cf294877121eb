/**
 * The PDFs render in a child process (src/render/pdf/files.ts). When that process dies (out of memory, killed), the
 * council still gets every PDF: what is left is rendered in this process, and the files are the same.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { renderPdfBuffer } from '../../src/render/pdf/index.ts';
import { renderPdfFiles } from '../../src/render/pdf/files.ts';
import { miniViews, removeTempDirs, tempDir } from './helpers.ts';

/** Set by a test: what to do to the renderer's process once it is started. */
const sabotage = vi.hoisted(() => ({ children: [] as ChildProcess[], when: 'never' as 'never' | 'at-start' | 'after-first-pdf' }));

vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  return {
    ...actual,
    fork: (...args: Parameters<typeof actual.fork>) => {
      const child = actual.fork(...args);
      sabotage.children.push(child);
      if (sabotage.when === 'at-start') child.kill('SIGKILL');
      // Registered before the renderer's own listener: the process is killed as its first answer arrives.
      if (sabotage.when === 'after-first-pdf') child.once('message', () => child.kill('SIGKILL'));
      return child;
    },
  };
});

afterAll(removeTempDirs);

const views = miniViews();

describe('renderPdfFiles when the PDF process dies', () => {
  test.each(['at-start', 'after-first-pdf'] as const)('killed %s: both PDFs are still written, byte for byte as rendered here', async (when) => {
    sabotage.when = when;
    sabotage.children.length = 0;
    const out = join(tempDir(), when);
    const paths = await renderPdfFiles(views, out);
    sabotage.when = 'never';
    expect(sabotage.children).toHaveLength(1);
    // The render may have given up on the process (its channel closed) before its exit was reported.
    const child = sabotage.children[0]!;
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    expect(child.signalCode).toBe('SIGKILL');
    expect(paths).toEqual(['sv', 'fi'].map((lang) => join(out, `mini-strategy-${lang}.pdf`)));
    for (const [index, lang] of ['sv', 'fi'].entries()) {
      expect(readFileSync(paths[index]!).equals(await renderPdfBuffer(views[lang]!)), lang).toBe(true);
    }
  });
});
