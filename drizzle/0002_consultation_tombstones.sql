-- A deleted or purged consultation never comes back: a results delivery that was already on its way when the
-- consultation was deleted is refused here (the writer treats the refusal as delivered).
CREATE TRIGGER `consultations_stay_deleted`
BEFORE INSERT ON `consultations`
WHEN EXISTS (SELECT 1 FROM `deleted_consultations` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'consultation deleted');
END;
--> statement-breakpoint
-- Reports on a deleted plan are skipped silently: they arrive inside another consultation's results, which must
-- still be stored.
CREATE TRIGGER `follow_up_reports_stay_deleted`
BEFORE INSERT ON `follow_up_reports`
WHEN EXISTS (SELECT 1 FROM `deleted_consultations` WHERE `id` = NEW.`consultation_id`)
BEGIN
	SELECT RAISE(IGNORE);
END;
