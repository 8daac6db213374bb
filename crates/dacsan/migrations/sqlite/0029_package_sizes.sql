-- A product's packed size (issue 14): carriers charge the larger of a parcel's real
-- and volumetric weight (length × width × height / 6000), so a light but bulky box
-- (dried bamboo shoots, tea in gift boxes) is priced as they will price it.
-- Whole centimetres; NULL when the producer has not measured it.
ALTER TABLE products ADD COLUMN package_length_cm INTEGER;
ALTER TABLE products ADD COLUMN package_width_cm INTEGER;
ALTER TABLE products ADD COLUMN package_height_cm INTEGER;
