CREATE TABLE `chat_channels` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`team_id` text NOT NULL,
	`platform` text NOT NULL,
	`name` text NOT NULL,
	`language` text NOT NULL,
	`timezone` text NOT NULL,
	`url_cipher` text NOT NULL,
	`url_hint` text NOT NULL,
	`secret_cipher` text,
	`options` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`paused_at` text,
	`last_error` text,
	`last_sent_at` text,
	`window_start` integer DEFAULT 0 NOT NULL,
	`window_count` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `chat_channels_org` ON `chat_channels` (`org_id`,`team_id`);--> statement-breakpoint
CREATE TABLE `chat_cursors` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `chat_outbox` (
	`key` text PRIMARY KEY NOT NULL,
	`channel_id` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_until` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` text NOT NULL,
	`queued_at` integer NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE INDEX `chat_outbox_channel` ON `chat_outbox` (`channel_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `chat_outbox_queued` ON `chat_outbox` (`status`,`queued_at`);--> statement-breakpoint
CREATE TABLE `chat_schedules` (
	`channel_id` text NOT NULL,
	`job` text NOT NULL,
	`next_at` integer NOT NULL,
	PRIMARY KEY(`channel_id`, `job`)
);
--> statement-breakpoint
CREATE INDEX `chat_schedules_due` ON `chat_schedules` (`next_at`);