CREATE TABLE `action_items` (
	`id` text PRIMARY KEY NOT NULL,
	`consultation_id` text NOT NULL,
	`text` text NOT NULL,
	`due_date` text,
	`status` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_items_consultation` ON `action_items` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`number` integer NOT NULL,
	`format` text NOT NULL,
	`durations` text NOT NULL,
	`status` text NOT NULL,
	`client_participant_id` text,
	`client_name` text,
	`request_text` text,
	`notepad_text` text,
	`started_at` integer NOT NULL,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consultations_meeting` ON `consultations` (`meeting_id`,`number`);--> statement-breakpoint
CREATE INDEX `consultations_status_closed` ON `consultations` (`status`,`closed_at`);--> statement-breakpoint
CREATE INDEX `consultations_client` ON `consultations` (`client_participant_id`,`closed_at`);--> statement-breakpoint
CREATE TABLE `follow_up_reports` (
	`consultation_id` text NOT NULL,
	`action_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text NOT NULL,
	`reported_in_meeting` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`consultation_id`, `action_id`),
	FOREIGN KEY (`reported_in_meeting`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_up_reports_meeting` ON `follow_up_reports` (`reported_in_meeting`);--> statement-breakpoint
CREATE TABLE `group_members` (
	`group_id` text NOT NULL,
	`user_id` text NOT NULL,
	`display_name` text NOT NULL,
	PRIMARY KEY(`group_id`, `user_id`),
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_members_user` ON `group_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `groups` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`mission` text,
	`charter` text,
	`retention_months` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` text PRIMARY KEY NOT NULL,
	`consultation_id` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`text` text NOT NULL,
	`at` integer NOT NULL,
	`marked` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ideas_consultation` ON `ideas` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `learnings` (
	`id` text PRIMARY KEY NOT NULL,
	`consultation_id` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`text` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `learnings_consultation` ON `learnings` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text,
	`zoom_meeting_id` text NOT NULL,
	`started_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meetings_group_started` ON `meetings` (`group_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `meetings_zoom_started` ON `meetings` (`zoom_meeting_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `participants` (
	`consultation_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`consultation_id`, `participant_id`),
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`consultation_id` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`text` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `questions_consultation` ON `questions` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `situation_votes` (
	`situation_id` text NOT NULL,
	`consultation_id` text NOT NULL,
	`voter_id` text NOT NULL,
	PRIMARY KEY(`situation_id`, `voter_id`),
	FOREIGN KEY (`situation_id`) REFERENCES `situations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `situation_votes_consultation` ON `situation_votes` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `situations` (
	`id` text PRIMARY KEY NOT NULL,
	`consultation_id` text NOT NULL,
	`proposer_id` text NOT NULL,
	`proposer_name` text NOT NULL,
	`title` text NOT NULL,
	`stakes` text NOT NULL,
	`chosen` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `situations_consultation` ON `situations` (`consultation_id`);