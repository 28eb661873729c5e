ALTER TABLE `row_overrides` ADD `lines` text;
