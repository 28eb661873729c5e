-- Security audit (issue #18, ADR 068): answers holding a secret are remembered by the id they created.
ALTER TABLE `idempotency_keys` ADD `resource_id` text;
