import { companyFromEmail, unmappedColumns, type Mapping } from "../lib/mapping";
import { MAPPING_FIELDS } from "../lib/types";
import { TableWrap } from "./Notice";

export interface MappingEditorProps {
  columns: string[];
  sampleRows: Record<string, string>[];
  mapping: Mapping;
  extraColumns: string[];
  companyError?: string;
  onMappingChange: (mapping: Mapping) => void;
  onExtraColumnsChange: (columns: string[]) => void;
}

/** One select per field, pre-filled; the sample rows below show what the writer will see. */
export function MappingEditor({ columns, sampleRows, mapping, extraColumns, companyError, onMappingChange, onExtraColumnsChange }: MappingEditorProps) {
  const spare = unmappedColumns(columns, mapping);
  const shownFields = MAPPING_FIELDS.filter((field) => mapping[field.key]);
  const shownExtras = extraColumns.filter((column) => spare.includes(column));
  return (
    <div className="mapping">
      <fieldset className="mapping-fields">
        <legend>Which column holds what?</legend>
        <div className="field-grid">
          {MAPPING_FIELDS.map((field) => {
            const id = `map-${field.key}`;
            const invalid = field.key === "company" && Boolean(companyError);
            return (
              <div className="field" key={field.key}>
                <label htmlFor={id}>
                  {field.label}
                  {"required" in field && field.required ? (
                    <span className="required">{companyFromEmail(mapping) ? " (from the email domain)" : " (required)"}</span>
                  ) : null}
                </label>
                <select
                  id={id}
                  name={id}
                  value={mapping[field.key] ?? ""}
                  aria-invalid={invalid || undefined}
                  aria-describedby={invalid ? "company-error" : undefined}
                  onChange={(event) => {
                    const next = { ...mapping };
                    if (event.target.value) next[field.key] = event.target.value;
                    else delete next[field.key];
                    onMappingChange(next);
                  }}
                >
                  <option value="">— not used —</option>
                  {columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
                {invalid ? (
                  <p id="company-error" className="field-error">
                    {companyError}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
      {spare.length > 0 ? (
        <fieldset className="extras">
          <legend>Other columns to pass along as context</legend>
          <p className="muted small">The writer may use facts from these columns too (for example notes or recent news).</p>
          <div className="checks">
            {spare.map((column) => (
              <label key={column} className="check">
                <input
                  type="checkbox"
                  checked={extraColumns.includes(column)}
                  onChange={(event) =>
                    onExtraColumnsChange(event.target.checked ? [...extraColumns, column] : extraColumns.filter((c) => c !== column))
                  }
                />
                {column}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <h3 className="subhead">What the writer will see for your first rows</h3>
      {shownFields.length === 0 && shownExtras.length === 0 ? (
        <p className="muted">Map at least the company to see your rows here.</p>
      ) : (
        <TableWrap label="Sample rows with the mapping applied">
          <table className="table sample-table">
            <thead>
              <tr>
                {shownFields.map((field) => (
                  <th key={field.key} scope="col">
                    {field.label}
                    <span className="th-source">{mapping[field.key]}</span>
                  </th>
                ))}
                {shownExtras.map((column) => (
                  <th key={column} scope="col">
                    {column}
                    <span className="th-source">extra</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sampleRows.map((row, index) => (
                <tr key={index}>
                  {shownFields.map((field) => (
                    <td key={field.key}>{row[mapping[field.key]!] || <span className="muted">empty</span>}</td>
                  ))}
                  {shownExtras.map((column) => (
                    <td key={column}>{row[column] || <span className="muted">empty</span>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
