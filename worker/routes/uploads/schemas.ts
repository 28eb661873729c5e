import { z } from "@hono/zod-openapi";
import type { Upload } from "../../db/schema";
import { applyProfiles, MAPPING_FIELDS, type Mapping, type ProfileForSuggestion } from "../../uploads/mapping";
import type { UploadWarning } from "../../uploads/warnings";

export const MappingSchema = z
  .partialRecord(z.enum(MAPPING_FIELDS), z.string())
  .openapi("Mapping", {
    description: "Mapping field → column name of the upload",
    example: { first_name: "First Name", company: "Company Name", title: "Job Title" },
  });

/** A mapping as clients send it (jobs, profiles): each field names a column, trimmed, not empty. */
export const MappingInput = z
  .partialRecord(z.enum(MAPPING_FIELDS), z.string().trim().min(1).max(256))
  .openapi({ example: { company: "Company Name", first_name: "First Name", title: "Job Title" } });

const WarningSchema = z
  .object({
    code: z.string().openapi({ example: "duplicate_rows" }),
    message: z.string(),
    rows: z.array(z.number().int()).openapi({ description: "Data rows concerned (row 1 is the first row under the header), at most 100" }),
    count: z.number().int().openapi({ description: "How many rows are concerned in all" }),
  })
  .openapi("UploadWarning");

export const UploadSchema = z
  .object({
    id: z.string().openapi({ example: "upl_0196a3f2c1d4e5f6a7b8c9d0" }),
    filename: z.string().openapi({ example: "leads.csv" }),
    format: z.enum(["csv", "xlsx"]),
    sizeBytes: z.number().int(),
    encoding: z.string().nullable().openapi({ example: "utf-8", description: "utf-8, utf-16le, utf-16be or windows-1252 (XLSX: utf-8)" }),
    delimiter: z.string().nullable().openapi({ example: ",", description: "`,` `;` `\\t` or `|`; null for XLSX" }),
    headerRow: z.number().int().openapi({ description: "1-based line (CSV) or sheet row (XLSX) of the header; 0 when the file has none" }),
    sheetName: z.string().nullable().openapi({ description: "XLSX: the sheet read" }),
    columns: z.array(z.string()),
    rowCount: z.number().int().openapi({ description: "Data rows (blank lines are not counted)" }),
    sampleRows: z.array(z.record(z.string(), z.string())).openapi({ description: "The first 5 data rows (long cells shortened with …; at most 1,000 characters, fewer in files with over 40 columns)" }),
    suggestedMapping: MappingSchema,
    suggestedProfile: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: "The saved mapping profile suggestedMapping comes from, if one fits" }),
    warnings: z.array(WarningSchema),
    createdAt: z.string(),
  })
  .openapi("Upload");

export type PublicUpload = z.infer<typeof UploadSchema>;

export function publicUpload(upload: Upload, profiles: ProfileForSuggestion[]): PublicUpload {
  const { mapping, profile } = applyProfiles(upload.columns, upload.suggestedMapping as Mapping, profiles);
  return {
    id: upload.id,
    filename: upload.filename,
    format: upload.format,
    sizeBytes: upload.sizeBytes,
    encoding: upload.encoding,
    delimiter: upload.delimiter,
    headerRow: upload.headerRow,
    sheetName: upload.sheetName,
    columns: upload.columns,
    rowCount: upload.rowCount,
    sampleRows: upload.sampleRows,
    suggestedMapping: mapping,
    suggestedProfile: profile,
    warnings: upload.warnings as UploadWarning[],
    createdAt: upload.createdAt,
  };
}
