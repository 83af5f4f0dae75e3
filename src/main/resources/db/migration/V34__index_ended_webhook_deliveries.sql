-- The hourly purge of deliveries that ended more than 30 days ago (WebhookDeliveryPurge) reads
-- them through this index, not by reading every delivery of every endpoint.
create index webhook_delivery_ended_idx on webhook_delivery (created_at) where state <> 'PENDING';
