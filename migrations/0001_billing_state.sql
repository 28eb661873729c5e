ALTER TABLE `users` ADD `plan_cancel_at_period_end` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `billing_state_at` integer;