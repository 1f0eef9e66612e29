/**
 * The closed vocabularies of src/domain/progress: where a paper stands (PAPER_STATES) and where each
 * station of its Beratungsfolge stands (STATION_STATES), with their German and English labels.
 */

/** Where a paper stands on a given day. Closed: the database, the views and the filters use exactly these. */
export const PAPER_STATES = [
  'submitted',
  'in-deliberation',
  'scheduled',
  'decided',
  'decided-amended',
  'rejected',
  'noted',
  'closed',
  'withdrawn',
  'stopped',
  'stalled',
] as const;
export type PaperState = (typeof PAPER_STATES)[number];

export const STATE_LABELS: Readonly<Record<PaperState, string>> = {
  submitted: 'eingereicht',
  'in-deliberation': 'in Beratung',
  scheduled: 'terminiert',
  decided: 'beschlossen',
  'decided-amended': 'mit Änderungen beschlossen',
  rejected: 'abgelehnt',
  noted: 'zur Kenntnis genommen',
  // done without a deciding result: the RIS marks every station done and gives none (progress rule 3), or the
  // deciding result is "erledigt" / "für erledigt erklärt" (rule 2): what became of the matter is not said
  closed: 'erledigt',
  withdrawn: 'zurückgezogen',
  stopped: 'gestoppt',
  stalled: 'ruht',
};

export const STATE_LABELS_EN: Readonly<Record<PaperState, string>> = {
  submitted: 'submitted',
  'in-deliberation': 'in deliberation',
  scheduled: 'scheduled',
  decided: 'adopted',
  'decided-amended': 'adopted with amendments',
  rejected: 'rejected',
  noted: 'noted',
  closed: 'closed',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
  stalled: 'stalled',
};

/** States after which nothing more is expected: the paper's deliberation has ended. */
export const FINAL_STATES: readonly PaperState[] = ['decided', 'decided-amended', 'rejected', 'noted', 'closed', 'withdrawn', 'stopped'];

export function isPaperState(value: unknown): value is PaperState {
  return typeof value === 'string' && (PAPER_STATES as readonly string[]).includes(value);
}

export function isFinalState(state: PaperState): boolean {
  return FINAL_STATES.includes(state);
}

/** Where one station of the Beratungsfolge stands on a given day. */
export const STATION_STATES = ['done', 'current', 'planned', 'skipped', 'stopped'] as const;
export type StationState = (typeof STATION_STATES)[number];

export const STATION_STATE_LABELS: Readonly<Record<StationState, string>> = {
  done: 'erledigt',
  current: 'in Beratung',
  planned: 'geplant',
  skipped: 'übersprungen',
  stopped: 'gestoppt',
};

/** A label with its first letter upper-cased, for the start of a sentence ("Beschlossen: …"). */
export function capitalise(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
