CREATE TABLE `alert_addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`manage_token` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_addresses_email_unique` ON `alert_addresses` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `alert_addresses_manage_token_unique` ON `alert_addresses` (`manage_token`);--> statement-breakpoint
CREATE TABLE `alert_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscription_id` integer NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`event_ids` text NOT NULL,
	`created_at` text NOT NULL,
	`due_at` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_by` text,
	`claimed_at` text,
	`sent_at` text,
	`message_id` text NOT NULL,
	`last_error` text,
	FOREIGN KEY (`subscription_id`) REFERENCES `alert_subscriptions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_outbox_dedupe` ON `alert_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `alert_outbox_due` ON `alert_outbox` (`state`,`due_at`);--> statement-breakpoint
CREATE TABLE `alert_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`city` text,
	`cadence` text NOT NULL,
	`created_at` text NOT NULL,
	`confirm_token` text NOT NULL,
	`confirmed_at` text,
	`unsubscribe_token` text NOT NULL,
	`last_event_id` integer DEFAULT 0 NOT NULL,
	`last_digest_on` text,
	FOREIGN KEY (`address_id`) REFERENCES `alert_addresses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_subscriptions_confirm_token_unique` ON `alert_subscriptions` (`confirm_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `alert_subscriptions_unsubscribe_token_unique` ON `alert_subscriptions` (`unsubscribe_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `alert_subscriptions_what` ON `alert_subscriptions` (`address_id`,`kind`,`target`,`city`,`cadence`);--> statement-breakpoint
CREATE INDEX `alert_subscriptions_unconfirmed` ON `alert_subscriptions` (`confirmed_at`,`created_at`);