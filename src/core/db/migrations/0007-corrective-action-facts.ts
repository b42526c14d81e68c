/**
 * Corrective actions (0002) name the SLA metric they were meant to save, the lower-priority order a swap moved,
 * the applying principal's name next to its id, and the proposal's figures as they stood when applied. The
 * metric is what the outcome is read from and what the automatic mode applies at most once per order.
 * Shipped: never edit, add a new migration instead.
 */
export default /* sql */ `
ALTER TABLE corrective_actions ADD COLUMN metric TEXT CHECK (metric IN ('response', 'arrival', 'resolution'));
ALTER TABLE corrective_actions ADD COLUMN other_work_order_id TEXT REFERENCES work_orders (id) ON DELETE SET NULL;
ALTER TABLE corrective_actions ADD COLUMN applied_by_name TEXT;
ALTER TABLE corrective_actions ADD COLUMN details_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details_json));
CREATE INDEX corrective_actions_order_metric ON corrective_actions (work_order_id, metric);
CREATE INDEX corrective_actions_other_work_order_id ON corrective_actions (other_work_order_id);
CREATE INDEX corrective_actions_pending ON corrective_actions (work_order_id) WHERE outcome IS NULL;
`;
