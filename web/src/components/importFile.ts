import { XLSX_TYPE } from '../api/endpoints';

// The Content-Type to send for an import file, chosen by its name (browsers report
// CSV types inconsistently); null when the file is neither CSV nor XLSX.
export function importContentType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}
