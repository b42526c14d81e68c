/**
 * Each SLA clock keeps the basis it is measured on (calendar with its zone applied, warning thresholds, pausing
 * reasons) as it stood when the order was created, so a later calendar or policy edit does not silently move the
 * due instants of running clocks (DOMAIN.md: targets copied at creation; corrections reach an order only through
 * an audited SLA repair). Clocks from before this migration have none and keep reading the live calendar.
 * Shipped: never edit, add a new migration.
 */
export default /* sql */ `
ALTER TABLE sla_clocks ADD COLUMN definition_json TEXT CHECK (definition_json IS NULL OR json_valid(definition_json));
`;
