-- A device can stand in a charging cart (an asset of kind CHARGING_CART of the same school): the cart's page
-- lists its devices and a bulk check-out can lend a whole cart to a class.
ALTER TABLE asset ADD COLUMN cart_id BIGINT REFERENCES asset(id) ON DELETE SET NULL;
CREATE INDEX asset_cart_idx ON asset (cart_id, lower(tag)) WHERE cart_id IS NOT NULL;
