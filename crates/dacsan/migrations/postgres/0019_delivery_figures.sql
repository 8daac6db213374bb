-- The office's delivery figures (programme/delivery): when an order was delivered and
-- in how many calendar days (Vietnam time) from the order, kept on the order so that
-- the figures of a province's communes read one index.

ALTER TABLE orders ADD COLUMN delivered_at TEXT;
ALTER TABLE orders ADD COLUMN delivery_days BIGINT;

UPDATE orders
   SET delivered_at = (SELECT MIN(e.created_at) FROM order_events e
                        WHERE e.order_id = orders.id AND e.to_status = 'delivered')
 WHERE status IN ('delivered', 'completed', 'refunded');
UPDATE orders
   SET delivery_days = (((delivered_at::timestamptz + interval '7 hours') AT TIME ZONE 'UTC')::date
                      - ((created_at::timestamptz + interval '7 hours') AT TIME ZONE 'UTC')::date)
 WHERE delivered_at IS NOT NULL;

CREATE INDEX orders_delivery ON orders(producer_id, created_at, status, subtotal_vnd, shipping_vnd, delivery_days, delivery_option, carrier);
-- Failed attempts and returns are a few in a hundred: read them from their own events.
CREATE INDEX shipment_events_status ON shipment_events(status, shipment_id);
