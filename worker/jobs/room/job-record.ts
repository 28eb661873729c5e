import type { JobRecord } from "../types";

/** The job record (one row of `meta`): settings, status and the credits last read from the ledger. */
export class JobRecordStore {
  constructor(private readonly sql: SqlStorage) {}

  load(): JobRecord | null {
    const row = this.sql.exec<{ job: string }>("SELECT job FROM meta WHERE id = 1").toArray()[0];
    return row ? (JSON.parse(row.job) as JobRecord) : null;
  }

  require(): JobRecord {
    const job = this.load();
    if (!job) throw new Error("JobRoom used before init");
    return job;
  }

  insert(job: JobRecord): void {
    this.sql.exec("INSERT INTO meta (id, job) VALUES (1, ?)", JSON.stringify(job));
  }

  save(job: JobRecord): void {
    this.sql.exec("UPDATE meta SET job = ? WHERE id = 1", JSON.stringify(job));
  }
}

