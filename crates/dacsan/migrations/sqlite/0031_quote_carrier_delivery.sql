-- A quote may leave delivery to the carriers' prices (issue 15 with issue 14's
-- quotes): when it is accepted, the order's delivery is priced for the accepted
-- quantity to the buyer's commune and booked with the carrier chosen. The producer
-- then states what one unit of the request weighs (a kilogram, a box of 24): set
-- means "delivery by carrier", and `delivery_vnd` is 0.
ALTER TABLE quote_revisions ADD COLUMN carrier_unit_weight_g INTEGER CHECK (carrier_unit_weight_g > 0);
