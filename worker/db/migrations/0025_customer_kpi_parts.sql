CREATE TABLE `customer_kpi_parts` (
	`member_id` text NOT NULL,
	`span` text NOT NULL,
	`version` integer NOT NULL,
	`new_customers` integer NOT NULL,
	`existing_customers` integer NOT NULL,
	`returning_customers` integer NOT NULL,
	`previous_buyers` integer NOT NULL,
	`retained_customers` integer NOT NULL,
	PRIMARY KEY(`member_id`, `span`)
);
