CREATE TABLE `research_sites` (
	`domain` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`pages` text NOT NULL,
	`fetched_at` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `research_sites_expires` ON `research_sites` (`expires_at`);
