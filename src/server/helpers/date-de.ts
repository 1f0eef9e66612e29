import { formatGermanDate } from '../../domain/german-format';

/** {{dateDe iso}} → "22.01.2020" (empty for null): the format 'day' of domain/german-format. */
export function dateDe(iso: unknown): string {
  return typeof iso === 'string' ? formatGermanDate(iso) : '';
}
