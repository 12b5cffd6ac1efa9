CREATE TABLE `board_figures` (
	`member_id` text NOT NULL,
	`slot` text NOT NULL,
	`stamp` text NOT NULL,
	`figures` text NOT NULL,
	PRIMARY KEY(`member_id`, `slot`)
);
