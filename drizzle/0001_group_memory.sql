CREATE TABLE `deleted_consultations` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `group_series` (
	`series_key` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_series_group` ON `group_series` (`group_id`);--> statement-breakpoint
ALTER TABLE `group_members` ADD `added_at` integer;--> statement-breakpoint
ALTER TABLE `group_members` ADD `added_in_meeting` text;--> statement-breakpoint
ALTER TABLE `groups` ADD `created_by` text;--> statement-breakpoint
CREATE INDEX `ideas_author` ON `ideas` (`author_id`);--> statement-breakpoint
CREATE INDEX `learnings_author` ON `learnings` (`author_id`);--> statement-breakpoint
CREATE INDEX `participants_participant` ON `participants` (`participant_id`);--> statement-breakpoint
CREATE INDEX `questions_author` ON `questions` (`author_id`);