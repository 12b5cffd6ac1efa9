ALTER TABLE `members` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orgs` ADD `config_version` integer DEFAULT 0 NOT NULL;