-- Security audit (issue #18, ADR 068). Answers holding a secret are remembered by the id they created;
-- retention: the days a user chose (fewer than RETENTION_DAYS), and when a job's or upload's files went.
ALTER TABLE `idempotency_keys` ADD `resource_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `retention_days` integer;--> statement-breakpoint
ALTER TABLE `uploads` ADD `files_deleted_at` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `files_deleted_at` text;
