ALTER TABLE `action_items` ADD `resources` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `consultations` ADD `headline` text;--> statement-breakpoint
ALTER TABLE `consultations` ADD `headline_question` text;