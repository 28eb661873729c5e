import type { Mapping } from "./mapping";
import type { UploadWarning } from "./warnings";

/** What reading an upload's table found (its own file so the pipelines and the writer share it without a cycle). */
export interface TableResult {
  encoding: string | null;
  delimiter: string | null;
  headerRow: number;
  sheetName: string | null;
  columns: string[];
  rowCount: number;
  sampleRows: Record<string, string>[];
  suggestedMapping: Mapping;
  warnings: UploadWarning[];
}
