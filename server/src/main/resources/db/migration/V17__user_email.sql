-- TheHive 5 users carry an email address (optional, shown and changed like the name).
ALTER TABLE app_user ADD COLUMN email VARCHAR(256);
