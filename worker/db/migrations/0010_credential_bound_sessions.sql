-- A removed member's email may join again, as a new member: unique among active members only.
DROP INDEX `members_org_email`;--> statement-breakpoint
CREATE UNIQUE INDEX `members_org_email` ON `members` (`org_id`,lower("email")) WHERE "active" = 1;--> statement-breakpoint
-- Page sessions and sign-in links name the token they came from and die with it. Those made
-- before cannot be tied to a token: they end here (members open the board again).
DROP TABLE `sessions`;--> statement-breakpoint
CREATE TABLE `sessions` (
	`hash` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`org_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`csrf` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`token_hash`) REFERENCES `tokens`(`hash`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
CREATE INDEX `sessions_member` ON `sessions` (`member_id`);--> statement-breakpoint
CREATE INDEX `sessions_token` ON `sessions` (`token_hash`);--> statement-breakpoint
DROP TABLE `signin_codes`;--> statement-breakpoint
CREATE TABLE `signin_codes` (
	`hash` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`org_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`token_hash`) REFERENCES `tokens`(`hash`) ON UPDATE no action ON DELETE no action
);
