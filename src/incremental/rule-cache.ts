import type { SourceFile, StrategyGraph } from '../model/types.ts';
import type { Report, Rule } from '../validate/rule.ts';

interface Unit {
  stem: string;
  reports: Report[];
}

/**
 * Keeps the reports of file- and pair-scoped rules between checks, so that after an edit those rules run only
 * on the changed stems and replay what they found elsewhere. Messages come out in the order a full run gives.
 */
export class RuleCache {
  /** Rule id → unit (path for file rules, stem for pair rules) → reports; units without reports are not kept. */
  readonly #reports = new Map<string, Map<string, Unit>>();
  #dirty: ReadonlySet<string> | 'all' = 'all';
  #view: { graph: StrategyGraph; for: StrategyGraph } | undefined;
  #order: { graph: StrategyGraph; paths: Map<string, number>; stems: Map<string, number> } | undefined;

  /** Graph-wide rules' reports, replayed while no front-matter changes. */
  readonly #graphReports = new Map<string, Report[]>();
  /** Files replaced by versions with the same front-matter (body edits), by path; undefined once any front-matter changed. */
  #bodyEdits: Map<string, SourceFile> | undefined;

  /**
   * The stems changed since the last check (files edited, added or removed), or 'all'. `bodyEdits` are the new
   * versions of files whose front-matter did not change; any other change makes the graph-wide rules run again.
   */
  invalidate(stems: Iterable<string> | 'all', bodyEdits?: ReadonlyMap<string, SourceFile>): void {
    if (bodyEdits && this.#bodyEdits) for (const [path, file] of bodyEdits) this.#bodyEdits.set(path, file);
    else this.#bodyEdits = undefined;
    if (stems === 'all' || this.#dirty === 'all') {
      this.#dirty = 'all';
      return;
    }
    this.#dirty = new Set([...this.#dirty, ...stems]);
  }

  /** Called once a check is complete: what was dirty is now cached. */
  settle(): void {
    this.#dirty = new Set();
    this.#bodyEdits = new Map();
    this.#view = undefined;
    this.#order = undefined;
  }

  run(rule: Rule, graph: StrategyGraph, report: (r: Report) => void): void {
    const scope = rule.scope;
    if (scope === 'graph') {
      this.#runGraphRule(rule, graph, report);
      return;
    }
    const dirty = this.#dirty;
    let units = this.#reports.get(rule.id);
    if (!units || dirty === 'all') this.#reports.set(rule.id, (units = new Map()));
    else for (const [key, unit] of units) if (dirty.has(unit.stem)) units.delete(key);
    const cache = units;
    rule.run({
      graph: this.#restricted(graph),
      report: (r) => {
        const key = scope === 'file' ? r.file.path : r.file.stem;
        let unit = cache.get(key);
        if (!unit) cache.set(key, (unit = { stem: r.file.stem, reports: [] }));
        unit.reports.push(r);
      },
    });
    const order = cache.size > 1 ? this.#unitOrder(graph)[scope === 'file' ? 'paths' : 'stems'] : undefined;
    const keys = [...cache.keys()];
    if (order) keys.sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity));
    for (const key of keys) for (const r of cache.get(key)!.reports) report(r);
  }

  /**
   * A graph-wide rule depends on ids, links and the hierarchy, which only front-matter declares: while only bodies
   * changed, its earlier reports still hold, pointed at the new versions of the edited files.
   */
  #runGraphRule(rule: Rule, graph: StrategyGraph, report: (r: Report) => void): void {
    const edits = this.#bodyEdits;
    const cached = this.#graphReports.get(rule.id);
    if (edits && cached && this.#dirty !== 'all') {
      const current = (file: SourceFile) => edits.get(file.path) ?? file;
      const replayed = edits.size === 0 ? cached : cached.map((r) => ({ ...r, file: current(r.file), ...(r.cause ? { cause: { ...r.cause, file: current(r.cause.file) } } : {}) }));
      this.#graphReports.set(rule.id, replayed);
      for (const r of replayed) report(r);
      return;
    }
    const reports: Report[] = [];
    rule.run({ graph, report: (r) => reports.push(r) });
    this.#graphReports.set(rule.id, reports);
    for (const r of reports) report(r);
  }

  /** The graph with only the dirty stems' files and twins; items, links and lookups stay whole. */
  #restricted(graph: StrategyGraph): StrategyGraph {
    const dirty = this.#dirty;
    if (dirty === 'all') return graph;
    if (this.#view?.for === graph) return this.#view.graph;
    const twins = new Map<string, ReadonlyMap<string, SourceFile>>();
    const stems = [...dirty].filter((stem) => graph.twins.has(stem));
    if (stems.length > 1) {
      const order = this.#unitOrder(graph).stems;
      stems.sort((x, y) => order.get(x)! - order.get(y)!);
    }
    for (const stem of stems) twins.set(stem, graph.twins.get(stem)!);
    const files = [...twins.values()].flatMap((versions) => [...versions.values()]);
    if (files.length > 1) {
      const order = this.#unitOrder(graph).paths;
      files.sort((x, y) => order.get(x.path)! - order.get(y.path)!);
    }
    const view: StrategyGraph = { ...graph, files, twins };
    this.#view = { graph: view, for: graph };
    return view;
  }

  /** Where each file and stem comes in a full run: graph.files and graph.twins order. */
  #unitOrder(graph: StrategyGraph): { paths: Map<string, number>; stems: Map<string, number> } {
    if (this.#order?.graph !== graph) {
      const paths = new Map(graph.files.map((file, index) => [file.path, index]));
      const stems = new Map([...graph.twins.keys()].map((stem, index) => [stem, index]));
      this.#order = { graph, paths, stems };
    }
    return this.#order;
  }
}
